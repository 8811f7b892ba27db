import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, permissionDenied, type RoostError } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer, PeerMeta, User } from '../model.js';
import { checkDomainList } from '../net/domain-name.js';
import type { DomainTx } from '../transact.js';
import { checkPeerInputBounds } from './check-peer-input-bounds.js';
import { alreadyRegistered, insertAtFreeAddress } from './insert-at-free-address.js';
import { joinPeerGroups } from './join-peer-groups.js';
import type { RegisteredPeer } from './register-peer.js';
import { recordActivity } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

export interface RegisterSsoPeerInput {
  /** The user the Login's JWT named (already provisioned). */
  readonly userId: string;
  /** WireGuard public key. */
  readonly key: string;
  readonly meta: PeerMeta;
  readonly sshKey: string;
  readonly extraDnsLabels: readonly string[];
  /** Public IP the request came from; empty when unknown. */
  readonly connectionIp?: string;
}

const userNotFound = (): RoostError => notFound('failed adding new peer: user not found');

function ssoPeer(input: RegisterSsoPeerInput, user: User, ip: string, dnsLabel: string, id: string, now: number): Peer {
  return {
    id,
    accountId: user.accountId,
    key: input.key,
    ip,
    name: input.meta.hostname,
    dnsLabel,
    // Stored as sent, but not allowed: only a setup key can allow extra labels (as upstream).
    extraDnsLabels: [...input.extraDnsLabels],
    allowExtraDnsLabels: false,
    meta: input.meta,
    connected: false,
    lastSeen: now,
    loginExpired: false,
    requiresApproval: false,
    userId: user.id,
    sshKey: input.sshKey,
    sshEnabled: false,
    loginExpirationEnabled: true,
    inactivityExpirationEnabled: true,
    lastLogin: now,
    createdAt: now,
    ephemeral: false,
    connectionIp: input.connectionIp ?? '',
    loginGeneration: 0,
  };
}

/** Pending approval, then blocked (a pending user is blocked too): upstream's words for each. */
function checkMayAddPeers(user: User): void {
  if (user.pendingApproval) throw permissionDenied('user pending approval cannot add peers');
  if (user.blocked) throw permissionDenied('user is blocked');
}

/** One attempt: re-read the user, insert, join their auto-groups and All, record the login, bump. */
async function insertSsoPeer(deps: DomainDeps, tx: DomainTx, peer: Peer, now: number): Promise<RegisteredPeer> {
  const user = await tx.users.get(peer.userId);
  if (user === undefined || user.accountId !== peer.accountId) throw userNotFound();
  checkMayAddPeers(user);
  await tx.peers.insert(peer);
  await joinPeerGroups(tx, peer, user.autoGroups);
  await tx.users.update({ ...user, lastLogin: now });
  await bumpSerial(tx, peer.accountId, 'peer-added');
  const account = await tx.accounts.get(peer.accountId);
  if (account === undefined) throw notFound(`account ${peer.accountId} not found`);
  const meta = peerEventMeta(peer, accountDnsDomain(account, deps.dnsDomain));
  await recordActivity(tx, deps.clock, peer.accountId, [{ activity: 'PeerAddedByUser', initiatorId: user.id, targetId: peer.id, meta }]);
  return { peer, account };
}

/**
 * Registers a new peer for the user a Login's JWT named (IDENTITY.md §2.6, SEMANTICS.md §3.3).
 * The peer belongs to the user, joins their auto-groups and `All`, starts with login and
 * inactivity expiration on, and its login is now (the user's `last_login` too). Errors: a meta,
 * SSH key or label list over its size limit → InvalidArgument (checked first: nothing read or
 * stored); key already registered → PreconditionFailed; user unknown → NotFound "failed adding
 * new peer: user not found"; pending approval → PermissionDenied "user pending approval cannot
 * add peers"; blocked → PermissionDenied "user is blocked" (upstream makes the peer and refuses it
 * on Sync; Roost's Sync does not look at the owner, so the refusal comes here). Publishes `all`
 * for the account after commit.
 */
export async function registerSsoPeer(deps: DomainDeps, input: RegisterSsoPeerInput): Promise<RegisteredPeer> {
  checkPeerInputBounds({ meta: input.meta, sshKey: input.sshKey, dnsLabels: input.extraDnsLabels });
  const now = deps.clock.now();
  const repos = deps.store.repos;
  if ((await repos.peers.findByKey(input.key)) !== undefined) throw alreadyRegistered();
  const user = await repos.users.get(input.userId);
  if (user === undefined) throw userNotFound();
  checkMayAddPeers(user);
  checkDomainList(input.extraDnsLabels, 'extra DNS labels');
  if (input.meta.hostname === '') throw invalidArgument('peer hostname is empty');
  const account = await repos.accounts.get(user.accountId);
  if (account === undefined) throw notFound(`account ${user.accountId} not found`);
  const id = deps.ids.next();
  return insertAtFreeAddress(deps, {
    net: account.network.net,
    hostname: input.meta.hostname,
    ephemeral: false,
    build: (ip, dnsLabel) => ssoPeer(input, user, ip, dnsLabel, id, now),
    insert: (tx, peer) => insertSsoPeer(deps, tx, peer, now),
  });
}
