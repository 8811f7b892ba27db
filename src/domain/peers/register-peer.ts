import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, preconditionFailed, type RoostError } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Account, Peer, PeerMeta, SetupKey } from '../model.js';
import { checkDomainList } from '../net/domain-name.js';
import { hashSetupKey } from '../setup-keys/setup-key-secret.js';
import { isSetupKeyValid } from '../setup-keys/setup-key-validity.js';
import type { DomainTx } from '../transact.js';
import { checkPeerInputBounds } from './check-peer-input-bounds.js';
import { alreadyRegistered, insertAtFreeAddress } from './insert-at-free-address.js';
import { joinPeerGroups } from './join-peer-groups.js';
import { recordActivity } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

export interface RegisterPeerInput {
  /** Plain setup key as the client sent it (any case). */
  readonly setupKey: string;
  /** WireGuard public key. */
  readonly key: string;
  readonly meta: PeerMeta;
  readonly sshKey: string;
  readonly extraDnsLabels: readonly string[];
  /** Public IP the request came from; empty when unknown. */
  readonly connectionIp?: string;
}

export interface RegisteredPeer {
  readonly peer: Peer;
  /** The account after the registration (its serial includes the bump). */
  readonly account: Account;
}

const invalidKey = (): RoostError => notFound("couldn't add peer: setup key is invalid");

function newPeer(input: RegisterPeerInput, key: SetupKey, ip: string, dnsLabel: string, id: string, now: number): Peer {
  return {
    id,
    accountId: key.accountId,
    key: input.key,
    ip,
    name: input.meta.hostname,
    dnsLabel,
    extraDnsLabels: [...input.extraDnsLabels],
    allowExtraDnsLabels: key.allowExtraDnsLabels,
    meta: input.meta,
    connected: false,
    lastSeen: now,
    loginExpired: false,
    requiresApproval: false,
    userId: '',
    sshKey: input.sshKey,
    sshEnabled: false,
    // Expiration toggles start on only for SSO peers; setup-key peers never expire.
    loginExpirationEnabled: false,
    inactivityExpirationEnabled: false,
    lastLogin: now,
    createdAt: now,
    ephemeral: key.ephemeral,
    connectionIp: input.connectionIp ?? '',
    loginGeneration: 0,
  };
}

/** One attempt: re-check the key under its row lock, insert, join groups, count the use, bump. */
async function insertPeer(deps: DomainDeps, tx: DomainTx, peer: Peer, setupKeyId: string, now: number): Promise<RegisteredPeer> {
  const key = await tx.setupKeys.getForUpdate(setupKeyId);
  // Same answer as the check before the lock: whether a Login lost a race for the key's last
  // use or came after it must not depend on the engine's timing (upstream: PreconditionFailed).
  if (key === undefined || !isSetupKeyValid(key, now)) throw invalidKey();
  await tx.peers.insert(peer);
  await joinPeerGroups(tx, peer, key.autoGroups);
  await tx.setupKeys.recordUsage(key.id, now);
  await bumpSerial(tx, peer.accountId, 'peer-added');
  const account = await tx.accounts.get(peer.accountId);
  if (account === undefined) throw notFound(`account ${peer.accountId} not found`);
  // Upstream names the setup key as the initiator of a peer it enrolled.
  const meta = { ...peerEventMeta(peer, accountDnsDomain(account, deps.dnsDomain)), setup_key_name: key.name };
  await recordActivity(tx, deps.clock, peer.accountId, [{ activity: 'PeerAddedWithSetupKey', initiatorId: key.id, targetId: peer.id, meta }]);
  return { peer, account };
}

/**
 * Registers a new peer with a setup key (Login of an unknown WireGuard key, SEMANTICS.md §3.3).
 * Errors: key already registered → PreconditionFailed; setup key unknown, revoked, expired or
 * used up → NotFound, also when it became invalid under the lock; extra DNS labels
 * the key does not allow → PreconditionFailed; unusable hostname or labels, or a meta, SSH key or
 * label list over its size limit → InvalidArgument (checked first: nothing is read or stored).
 * Publishes `all` for the account after commit.
 */
export async function registerPeer(deps: DomainDeps, input: RegisterPeerInput): Promise<RegisteredPeer> {
  checkPeerInputBounds({ meta: input.meta, sshKey: input.sshKey, dnsLabels: input.extraDnsLabels });
  const now = deps.clock.now();
  const repos = deps.store.repos;
  if ((await repos.peers.findByKey(input.key)) !== undefined) throw alreadyRegistered();
  const key = await repos.setupKeys.findByHash(hashSetupKey(input.setupKey));
  if (key === undefined || !isSetupKeyValid(key, now)) throw invalidKey();
  if (input.extraDnsLabels.length > 0 && !key.allowExtraDnsLabels) {
    throw preconditionFailed("couldn't add peer: setup key doesn't allow extra DNS labels");
  }
  checkDomainList(input.extraDnsLabels, 'extra DNS labels');
  if (input.meta.hostname === '') throw invalidArgument('peer hostname is empty');
  const account = await repos.accounts.get(key.accountId);
  if (account === undefined) throw notFound(`account ${key.accountId} not found`);
  const id = deps.ids.next();
  return insertAtFreeAddress(deps, {
    net: account.network.net,
    hostname: input.meta.hostname,
    ephemeral: key.ephemeral,
    build: (ip, dnsLabel) => newPeer(input, key, ip, dnsLabel, id, now),
    insert: (tx, peer) => insertPeer(deps, tx, peer, key.id, now),
  });
}
