import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, preconditionFailed } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer } from '../model.js';
import { parseIpv4, parseIpv4Prefix, prefixSize } from '../net/ipv4.js';
import { transact, type DomainTx } from '../transact.js';
import { parseDomainLabel, renamedDnsLabel } from './dns-label.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { accountDnsDomain } from '../activity/event-meta.js';
import { peerUpdateNotes } from '../activity/peer-update-notes.js';

/** What the admin API may change on a peer; absent fields are kept. */
export interface PeerUpdate {
  readonly name?: string;
  readonly sshEnabled?: boolean;
  readonly loginExpirationEnabled?: boolean;
  readonly inactivityExpirationEnabled?: boolean;
  /** A new address inside the account network. */
  readonly ip?: string;
}

/** Whether `ip` is a usable host address of `net` (not network, not broadcast). */
export function isHostAddressOf(ip: string, net: string): boolean {
  const addr = parseIpv4(ip);
  const prefix = parseIpv4Prefix(net);
  if (addr === undefined || prefix === undefined) return false;
  const offset = addr - prefix.base;
  return offset >= 1 && offset <= prefixSize(prefix) - 2;
}

async function renamed(tx: DomainTx, peer: Peer, name: string): Promise<Peer> {
  if (name.trim() === '') throw invalidArgument('peer name must not be empty');
  const base = parseDomainLabel(name);
  const taken = base !== peer.dnsLabel && (await tx.peers.dnsLabelTaken(peer.accountId, base));
  return { ...peer, name, dnsLabel: renamedDnsLabel(base, peer.ip, taken) };
}

async function readdressed(tx: DomainTx, peer: Peer, ip: string): Promise<Peer> {
  const account = await tx.accounts.get(peer.accountId);
  if (account === undefined || !isHostAddressOf(ip, account.network.net)) {
    throw invalidArgument(`IP ${ip} is not a host address of the account network`);
  }
  return { ...peer, ip };
}

function toggles(peer: Peer, u: PeerUpdate): Peer {
  const expiryChange =
    (u.loginExpirationEnabled !== undefined && u.loginExpirationEnabled !== peer.loginExpirationEnabled) ||
    (u.inactivityExpirationEnabled !== undefined && u.inactivityExpirationEnabled !== peer.inactivityExpirationEnabled);
  if (expiryChange && peer.userId === '') {
    throw preconditionFailed("this peer hasn't been added with the SSO login, therefore the expiration can't be updated");
  }
  return {
    ...peer,
    sshEnabled: u.sshEnabled ?? peer.sshEnabled,
    loginExpirationEnabled: u.loginExpirationEnabled ?? peer.loginExpirationEnabled,
    inactivityExpirationEnabled: u.inactivityExpirationEnabled ?? peer.inactivityExpirationEnabled,
  };
}

/**
 * Admin update of a peer (SEMANTICS.md §5.1): rename (new DNS label per §3.5), SSH toggle,
 * expiration toggles (SSO peers only, else PreconditionFailed), IP change (a taken IP →
 * AlreadyExists). Bumps the serial even when nothing changed, as upstream.
 */
export async function updatePeer(deps: DomainDeps, accountId: string, peerId: string, u: PeerUpdate, by: InitiatorId = SYSTEM_INITIATOR): Promise<Peer> {
  return transact(deps, async (tx) => {
    const stored = await tx.peers.get(accountId, peerId, true);
    if (stored === undefined) throw notFound('peer not found');
    let peer = toggles(stored, u);
    if (u.name !== undefined && u.name !== stored.name) {
      peer = await renamed(tx, peer, u.name);
      await bumpSerial(tx, accountId, 'peer-renamed');
    }
    if (u.ip !== undefined && u.ip !== stored.ip) {
      peer = await readdressed(tx, peer, u.ip);
      await bumpSerial(tx, accountId, 'peer-ip-changed');
    }
    await tx.peers.update(peer);
    await bumpSerial(tx, accountId, 'peer-updated');
    const dnsDomain = accountDnsDomain(await tx.accounts.get(accountId), deps.dnsDomain);
    await recordActivity(tx, deps.clock, accountId, peerUpdateNotes(stored, peer, dnsDomain, by));
    return peer;
  });
}
