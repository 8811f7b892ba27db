/**
 * `peers`: WireGuard key, overlay IP (JSON-quoted), DNS labels, flattened meta (Go-named JSON
 * parts), SSH key, login and expiry state, user link. Connection state is not imported: every
 * peer starts disconnected and its login generation starts at 0.
 */
import type { Peer, PeerFlags, PeerMeta } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import type { RowReader } from '../row-reader.js';
import { bool, knownObject, objectList, str, stringList } from '../values/json-shapes.js';
import { fail } from '../values/map-error.js';

/** Go field name → Roost flag; upstream persists exactly these ten. */
const FLAGS: Readonly<Record<string, keyof PeerFlags>> = {
  RosenpassEnabled: 'rosenpassEnabled',
  RosenpassPermissive: 'rosenpassPermissive',
  ServerSSHAllowed: 'serverSSHAllowed',
  DisableClientRoutes: 'disableClientRoutes',
  DisableServerRoutes: 'disableServerRoutes',
  DisableDNS: 'disableDNS',
  DisableFirewall: 'disableFirewall',
  BlockLANAccess: 'blockLANAccess',
  BlockInbound: 'blockInbound',
  LazyConnectionEnabled: 'lazyConnectionEnabled',
};

function flags(v: unknown): PeerFlags {
  const o = v === null ? {} : knownObject('meta_flags', v, Object.keys(FLAGS));
  return Object.fromEntries(Object.entries(FLAGS).map(([go, ours]) => [ours, bool('meta_flags', o, go)])) as unknown as PeerFlags;
}

function meta(r: RowReader): PeerMeta {
  const env = r.json('meta_environment');
  const envObj = env === null ? {} : knownObject('meta_environment', env, ['Cloud', 'Platform']);
  return {
    hostname: r.text('meta_hostname'),
    goOS: r.text('meta_go_os'),
    kernel: r.text('meta_kernel'),
    core: r.text('meta_core'),
    platform: r.text('meta_platform'),
    os: r.text('meta_os'),
    osVersion: r.text('meta_os_version'),
    netbirdVersion: r.text('meta_wt_version'),
    uiVersion: r.text('meta_ui_version'),
    kernelVersion: r.text('meta_kernel_version'),
    networkAddresses: objectList('meta_network_addresses', r.json('meta_network_addresses'), ['NetIP', 'Mac']).map((a) => ({
      netIP: str('meta_network_addresses', a, 'NetIP'),
      mac: str('meta_network_addresses', a, 'Mac'),
    })),
    sysSerialNumber: r.text('meta_system_serial_number'),
    sysProductName: r.text('meta_system_product_name'),
    sysManufacturer: r.text('meta_system_manufacturer'),
    environment: { cloud: str('meta_environment', envObj, 'Cloud'), platform: str('meta_environment', envObj, 'Platform') },
    files: objectList('meta_files', r.json('meta_files'), ['Path', 'Exist', 'ProcessIsRunning']).map((f) => ({
      path: str('meta_files', f, 'Path'),
      exist: bool('meta_files', f, 'Exist'),
      processIsRunning: bool('meta_files', f, 'ProcessIsRunning'),
    })),
    flags: flags(r.json('meta_flags')),
  };
}

export const peersImporter: KindImporter<Peer> = {
  kind: 'peers',
  table: 'peers',
  columns: [
    'id', 'account_id', 'key', 'ip',
    'meta_hostname', 'meta_go_os', 'meta_kernel', 'meta_core', 'meta_platform', 'meta_os', 'meta_os_version', 'meta_wt_version',
    'meta_ui_version', 'meta_kernel_version', 'meta_network_addresses', 'meta_system_serial_number', 'meta_system_product_name',
    'meta_system_manufacturer', 'meta_environment', 'meta_flags', 'meta_files',
    'proxy_meta_embedded', 'proxy_meta_cluster',
    'name', 'dns_label',
    'peer_status_last_seen', 'peer_status_connected', 'peer_status_login_expired', 'peer_status_requires_approval',
    'user_id', 'ssh_key', 'ssh_enabled', 'login_expiration_enabled', 'inactivity_expiration_enabled', 'last_login', 'created_at', 'ephemeral',
    'location_connection_ip', 'location_country_code', 'location_city_name', 'location_geo_name_id',
    'extra_dns_labels', 'allow_extra_dns_labels',
  ],
  idOf: (r) => r.text('id'),
  map(r) {
    const key = r.text('key');
    if (Buffer.from(key, 'base64').length !== 32) fail('key', 'not a base64 WireGuard public key');
    const ip = r.quoted('ip');
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) fail('ip', `not an IPv4 address: ${JSON.stringify(ip)}`);
    r.dropIfSet('proxy_meta_embedded', 'reverse-proxy peers are not supported');
    r.dropIfSet('proxy_meta_cluster', 'reverse-proxy peers are not supported');
    r.dropIfSet('location_country_code', 'geolocation is not kept (filled again at the next login where supported)');
    r.dropIfSet('location_city_name', 'geolocation is not kept');
    r.dropIfSet('location_geo_name_id', 'geolocation is not kept');
    const createdAt = r.time('created_at');
    return {
      id: r.text('id'),
      accountId: r.text('account_id'),
      key,
      ip,
      name: r.text('name'),
      dnsLabel: r.text('dns_label'),
      extraDnsLabels: stringList('extra_dns_labels', r.json('extra_dns_labels')),
      allowExtraDnsLabels: r.flag('allow_extra_dns_labels'),
      meta: meta(r),
      // Connection state is not imported: everyone starts disconnected (peer_status_connected).
      connected: false,
      lastSeen: r.timeOrNull('peer_status_last_seen') ?? 0,
      loginExpired: r.flag('peer_status_login_expired'),
      requiresApproval: r.flag('peer_status_requires_approval'),
      userId: r.text('user_id'),
      sshKey: r.text('ssh_key'),
      sshEnabled: r.flag('ssh_enabled'),
      loginExpirationEnabled: r.flag('login_expiration_enabled'),
      inactivityExpirationEnabled: r.flag('inactivity_expiration_enabled'),
      // Go's zero time (never logged in) is the epoch here: both mean "long ago".
      lastLogin: r.timeOrNull('last_login') ?? 0,
      createdAt,
      ephemeral: r.flag('ephemeral'),
      connectionIp: r.quoted('location_connection_ip'),
      loginGeneration: 0,
    };
  },
};
