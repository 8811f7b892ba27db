import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound, permissionDenied } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Peer, Policy, PolicyRule } from '../model.js';
import { makePeerMeta } from '../peer-meta.js';
import { checkRule } from '../policies/check-rule.js';
import { normalizeRuleProtocol } from '../policies/normalize-rule.js';
import type { DomainTx } from '../transact.js';
import { recordActivity } from '../activity/record-activity.js';
import { checkPeerInputBounds } from './check-peer-input-bounds.js';
import { alreadyRegistered, insertAtFreeAddress } from './insert-at-free-address.js';
import { joinPeerGroups } from './join-peer-groups.js';
import { parseTemporaryAccessRule, type TemporaryAccessRule } from './temporary-access-rule.js';

/** `PeerTemporaryAccessRequest`: the browser client's name, its WireGuard key and what it may reach. */
export interface TemporaryAccessInput {
  readonly name: string;
  readonly wgPubKey: string;
  readonly rules: readonly string[];
}

export interface TemporaryAccess {
  /** The temporary peer (ephemeral, owned by the caller, in `All` only). */
  readonly peer: Peer;
  /** One policy per rule, each from the temporary peer to the target peer only. */
  readonly policies: readonly Policy[];
}

/** A WireGuard public key as clients send it: standard base64 of 32 bytes. */
export const isWgPublicKey = (key: string): boolean => /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/.test(key);

function temporaryPeer(input: TemporaryAccessInput, accountId: string, userId: string, ip: string, dnsLabel: string, id: string, now: number): Peer {
  return {
    id,
    accountId,
    key: input.wgPubKey,
    ip,
    name: input.name,
    dnsLabel,
    extraDnsLabels: [],
    allowExtraDnsLabels: false,
    // Upstream marks the browser (wasm) client by its meta.
    meta: makePeerMeta({ hostname: input.name, goOS: 'js', os: 'js', kernelVersion: 'wasm' }),
    connected: false,
    lastSeen: now,
    loginExpired: false,
    requiresApproval: false,
    userId,
    sshKey: '',
    sshEnabled: false,
    // Temporary peers never expire by login or inactivity: they go when they disconnect.
    loginExpirationEnabled: false,
    inactivityExpirationEnabled: false,
    lastLogin: now,
    createdAt: now,
    ephemeral: true,
    connectionIp: '',
    loginGeneration: 0,
  };
}

/** Upstream's policy for one rule: accept, from the temporary peer to the target, one way. */
function accessPolicy(deps: DomainDeps, peer: Peer, targetId: string, userId: string, rule: TemporaryAccessRule): Policy {
  const policyId = deps.ids.next();
  const title = `Temporary access policy for peer ${peer.name}`;
  const policyRule: PolicyRule = {
    id: deps.ids.next(),
    policyId,
    name: 'Temporary access rule',
    description: 'Temporary access rule',
    enabled: true,
    action: 'accept',
    sources: [],
    destinations: [],
    sourceResource: { type: 'peer', id: peer.id },
    destinationResource: { type: 'peer', id: targetId },
    ports: [],
    portRanges: [...rule.portRanges],
    authorizedGroups: {},
    // A native SSH rule lets the requesting user in as themselves.
    authorizedUser: rule.protocol === 'netbird-ssh' ? userId : '',
    ...normalizeRuleProtocol(rule.protocol, false),
  };
  checkRule(policyRule);
  return { id: policyId, accountId: peer.accountId, name: title, description: title, enabled: true, sourcePostureChecks: [], rules: [policyRule] };
}

/** One attempt: the target must still be there; insert the peer, join `All`, add the policies, bump once. */
async function insertTemporaryAccess(deps: DomainDeps, tx: DomainTx, peer: Peer, targetId: string, rules: readonly TemporaryAccessRule[]): Promise<TemporaryAccess> {
  if ((await tx.peers.get(peer.accountId, targetId)) === undefined) throw notFound('peer not found');
  await tx.peers.insert(peer);
  await joinPeerGroups(tx, peer, []);
  const policies = rules.map((r) => accessPolicy(deps, peer, targetId, peer.userId, r));
  for (const policy of policies) await tx.policies.insert(policy);
  await bumpSerial(tx, peer.accountId, 'peer-added');
  // Upstream records no event for the temporary peer itself, one PolicyAdded per policy.
  await recordActivity(tx, deps.clock, peer.accountId, policies.map((p) => ({ activity: 'PolicyAdded' as const, initiatorId: peer.userId, targetId: p.id, meta: { name: p.name } })));
  return { peer, policies };
}

/**
 * `POST /api/peers/{peerId}/temporary-access` (upstream's `CreateTemporaryAccess`): registers a
 * browser client's key as an ephemeral peer of the caller, in `All` only, without login or
 * inactivity expiry, and one policy per rule letting it reach the target peer and nothing else.
 * The ephemeral cleanup deletes the peer once it has been disconnected for the ephemeral
 * lifetime, and deleting a peer deletes the policies that name it, so the access goes with it.
 * Unlike upstream (peer first, then policies one by one), every rule is checked first and
 * everything is written in one transaction with one serial bump: a bad rule changes nothing.
 * Errors: empty name, bad key or rule → InvalidArgument; target unknown → NotFound; key already
 * registered → PreconditionFailed; caller unknown or pending approval → NotFound/PermissionDenied.
 */
export async function createTemporaryAccess(deps: DomainDeps, accountId: string, targetId: string, userId: string, input: TemporaryAccessInput): Promise<TemporaryAccess> {
  const rules = input.rules.map(parseTemporaryAccessRule);
  if (input.name.trim() === '') throw invalidArgument('peer name must not be empty');
  checkPeerInputBounds({ meta: makePeerMeta({ hostname: input.name }) });
  if (!isWgPublicKey(input.wgPubKey)) throw invalidArgument('invalid WireGuard public key');
  const repos = deps.store.repos;
  const user = await repos.users.get(userId);
  if (user === undefined || user.accountId !== accountId) throw notFound('failed adding new peer: user not found');
  if (user.pendingApproval) throw permissionDenied('user pending approval cannot add peers');
  if ((await repos.peers.get(accountId, targetId)) === undefined) throw notFound('peer not found');
  if ((await repos.peers.findByKey(input.wgPubKey)) !== undefined) throw alreadyRegistered();
  const account = await repos.accounts.get(accountId);
  if (account === undefined) throw notFound(`account ${accountId} not found`);
  const id = deps.ids.next();
  const now = deps.clock.now();
  return insertAtFreeAddress(deps, {
    net: account.network.net,
    hostname: input.name,
    ephemeral: true,
    build: (ip, dnsLabel) => temporaryPeer(input, accountId, userId, ip, dnsLabel, id, now),
    insert: (tx, peer) => insertTemporaryAccess(deps, tx, peer, targetId, rules),
  });
}
