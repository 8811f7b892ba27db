import type { Peer } from '../../domain/model.js';
import { peerFqdn } from '../../netmap/index.js';
import { apiTime } from './api-time.js';
import type { ApiGroupMinimum } from './group.js';

export interface ApiPeerLocalFlags {
  rosenpass_enabled: boolean;
  rosenpass_permissive: boolean;
  server_ssh_allowed: boolean;
  disable_client_routes: boolean;
  disable_server_routes: boolean;
  disable_dns: boolean;
  disable_firewall: boolean;
  block_lan_access: boolean;
  block_inbound: boolean;
  lazy_connection_enabled: boolean;
}

/** OpenAPI `Peer`. We keep no geo database: location fields are empty, as upstream without GeoLite. */
export interface ApiPeer {
  id: string;
  name: string;
  created_at: string;
  ip: string;
  connection_ip: string;
  connected: boolean;
  last_seen: string;
  os: string;
  kernel_version: string;
  geoname_id: number;
  version: string;
  groups: ApiGroupMinimum[];
  ssh_enabled: boolean;
  user_id: string;
  hostname: string;
  ui_version: string;
  dns_label: string;
  login_expiration_enabled: boolean;
  login_expired: boolean;
  last_login: string;
  inactivity_expiration_enabled: boolean;
  approval_required: boolean;
  country_code: string;
  city_name: string;
  serial_number: string;
  extra_dns_labels: string[];
  ephemeral: boolean;
  local_flags: ApiPeerLocalFlags;
}

/** OpenAPI `PeerBatch` (list items). */
export interface ApiPeerBatch extends ApiPeer {
  accessible_peers_count: number;
}

/** OpenAPI `AccessiblePeer`. */
export interface ApiAccessiblePeer {
  id: string;
  name: string;
  ip: string;
  dns_label: string;
  user_id: string;
  os: string;
  country_code: string;
  city_name: string;
  geoname_id: number;
  connected: boolean;
  last_seen: string;
}

/** Upstream shows the FQDN as `dns_label`, falling back to the bare label without a domain. */
export function peerDnsName(peer: Pick<Peer, 'dnsLabel'>, dnsDomain: string): string {
  return peerFqdn(peer, dnsDomain) || peer.dnsLabel;
}

/** `<OS> <version>`, the version falling back to the kernel's core version as upstream does. */
export function peerOsText(peer: Pick<Peer, 'meta'>): string {
  return `${peer.meta.os} ${peer.meta.osVersion || peer.meta.core}`;
}

function localFlags(peer: Peer): ApiPeerLocalFlags {
  const f = peer.meta.flags;
  return {
    rosenpass_enabled: f.rosenpassEnabled,
    rosenpass_permissive: f.rosenpassPermissive,
    server_ssh_allowed: f.serverSSHAllowed,
    disable_client_routes: f.disableClientRoutes,
    disable_server_routes: f.disableServerRoutes,
    disable_dns: f.disableDNS,
    disable_firewall: f.disableFirewall,
    block_lan_access: f.blockLANAccess,
    block_inbound: f.blockInbound,
    lazy_connection_enabled: f.lazyConnectionEnabled,
  };
}

export function toApiPeer(peer: Peer, groups: ApiGroupMinimum[], dnsDomain: string): ApiPeer {
  return {
    id: peer.id,
    name: peer.name,
    created_at: apiTime(peer.createdAt),
    ip: peer.ip,
    connection_ip: peer.connectionIp,
    connected: peer.connected,
    last_seen: apiTime(peer.lastSeen),
    os: peerOsText(peer),
    kernel_version: peer.meta.kernelVersion,
    geoname_id: 0,
    version: peer.meta.netbirdVersion,
    groups,
    ssh_enabled: peer.sshEnabled,
    user_id: peer.userId,
    hostname: peer.meta.hostname,
    ui_version: peer.meta.uiVersion,
    dns_label: peerDnsName(peer, dnsDomain),
    login_expiration_enabled: peer.loginExpirationEnabled,
    login_expired: peer.loginExpired,
    last_login: apiTime(peer.lastLogin),
    inactivity_expiration_enabled: peer.inactivityExpirationEnabled,
    approval_required: peer.requiresApproval,
    country_code: '',
    city_name: '',
    serial_number: peer.meta.sysSerialNumber,
    // Upstream lists extra labels as FQDNs, like dns_label (seen in its REST view).
    extra_dns_labels: peer.extraDnsLabels.map((label) => peerDnsName({ dnsLabel: label }, dnsDomain)),
    ephemeral: peer.ephemeral,
    local_flags: localFlags(peer),
  };
}

/** A list item; upstream fills `accessible_peers_count` with 0 in the list and so do we. */
export function toApiPeerBatch(peer: Peer, groups: ApiGroupMinimum[], dnsDomain: string): ApiPeerBatch {
  return { ...toApiPeer(peer, groups, dnsDomain), accessible_peers_count: 0 };
}

export function toApiAccessiblePeer(peer: Peer, dnsDomain: string): ApiAccessiblePeer {
  return {
    id: peer.id,
    name: peer.name,
    ip: peer.ip,
    dns_label: peerDnsName(peer, dnsDomain),
    user_id: peer.userId,
    os: peer.meta.os,
    country_code: '',
    city_name: '',
    geoname_id: 0,
    connected: peer.connected,
    last_seen: apiTime(peer.lastSeen),
  };
}
