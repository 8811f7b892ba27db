import type { Peer, PeerMeta } from '../../domain/model.js';
import type { PeersTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

export function peerFromRow(r: PeersTable): Peer {
  return {
    id: r.id,
    accountId: r.account_id,
    key: r.key,
    ip: r.ip,
    name: r.name,
    dnsLabel: r.dns_label,
    extraDnsLabels: fromJson<string[]>(r.extra_dns_labels),
    allowExtraDnsLabels: fromFlag(r.allow_extra_dns_labels),
    meta: fromJson<PeerMeta>(r.meta),
    connected: fromFlag(r.connected),
    lastSeen: r.last_seen,
    loginExpired: fromFlag(r.login_expired),
    requiresApproval: fromFlag(r.requires_approval),
    userId: r.user_id,
    sshKey: r.ssh_key,
    sshEnabled: fromFlag(r.ssh_enabled),
    loginExpirationEnabled: fromFlag(r.login_expiration_enabled),
    inactivityExpirationEnabled: fromFlag(r.inactivity_expiration_enabled),
    lastLogin: r.last_login,
    createdAt: r.created_at,
    ephemeral: fromFlag(r.ephemeral),
    connectionIp: r.connection_ip,
    loginGeneration: r.login_generation,
  };
}

export function peerToRow(p: Peer): PeersTable {
  return {
    id: p.id,
    account_id: p.accountId,
    key: p.key,
    ip: p.ip,
    name: p.name,
    dns_label: p.dnsLabel,
    extra_dns_labels: toJson(p.extraDnsLabels),
    allow_extra_dns_labels: toFlag(p.allowExtraDnsLabels),
    meta: toJson(p.meta),
    connected: toFlag(p.connected),
    last_seen: p.lastSeen,
    login_expired: toFlag(p.loginExpired),
    requires_approval: toFlag(p.requiresApproval),
    user_id: p.userId,
    ssh_key: p.sshKey,
    ssh_enabled: toFlag(p.sshEnabled),
    login_expiration_enabled: toFlag(p.loginExpirationEnabled),
    inactivity_expiration_enabled: toFlag(p.inactivityExpirationEnabled),
    last_login: p.lastLogin,
    created_at: p.createdAt,
    ephemeral: toFlag(p.ephemeral),
    connection_ip: p.connectionIp,
    login_generation: p.loginGeneration,
  };
}
