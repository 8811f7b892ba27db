import type { DomainDeps } from '../domain-deps.js';
import { notFound, permissionDenied, preconditionFailed } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { AccountSettings, Peer, PeerMeta } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { applyPeerMeta } from './apply-peer-meta.js';
import { checkPeerInputBounds } from './check-peer-input-bounds.js';
import { jwtPeerLogin } from './jwt-peer-login.js';
import { isPeerLoginExpired } from './login-expiry.js';
import { recordActivity } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

export interface LoginPeerInput {
  /** The registered peer, as found by its WireGuard key. */
  readonly peer: Peer;
  readonly meta: PeerMeta;
  /** SSH public key from the request; empty clears the stored one. */
  readonly sshKey: string;
  readonly extraDnsLabels: readonly string[];
  /** The user a JWT in the request named (IDENTITY.md §2.6); absent or '' without a JWT. */
  readonly jwtUserId?: string;
}

/**
 * Login of a known peer (SEMANTICS.md §3.2). Without a JWT, SSO peers whose login expired →
 * PermissionDenied. With one, `jwtPeerLogin` decides (another user's or a setup-key peer, or a
 * blocked owner → PermissionDenied) and an expired login is renewed: last login now, the expired
 * mark cleared, the owner's `last_login` too, and the serial bumped so other peers see it again.
 * Extra DNS labels the peer may not have → PreconditionFailed (labels are never stored on
 * login). Meta follows UpdateMetaIfNew; the SSH key is stored when it differs. The serial is
 * bumped (and `all` published) when the SSH key changed or the meta change affects maps; the
 * login generation always moves on. Returns the peer as stored afterwards. A meta, SSH key or
 * label list over its size limit → InvalidArgument, before anything is read.
 */
/** The JWT checks of §3.2; an expired login is renewed in `tx` (peer as renewed, not yet saved). */
async function renewIfExpired(tx: DomainTx, peer: Peer, jwtUserId: string, settings: AccountSettings, now: number): Promise<[Peer, boolean]> {
  const owner = await tx.users.get(jwtUserId);
  const decision = jwtPeerLogin({ peer, jwtUserId, owner, settings, now });
  if (!decision.ok) throw decision.error;
  if (!decision.renew || owner === undefined) return [peer, false];
  await tx.users.update({ ...owner, lastLogin: now });
  // Expired peers are left out of other peers' maps: they must learn it is back.
  await bumpSerial(tx, peer.accountId, 'peer-updated');
  return [{ ...peer, lastLogin: now, loginExpired: false }, true];
}

export async function loginPeer(deps: DomainDeps, input: LoginPeerInput): Promise<Peer> {
  checkPeerInputBounds({ meta: input.meta, sshKey: input.sshKey, dnsLabels: input.extraDnsLabels });
  const account = await deps.store.repos.accounts.get(input.peer.accountId);
  if (account === undefined) throw notFound(`account ${input.peer.accountId} not found`);
  const now = deps.clock.now();
  const jwtUserId = input.jwtUserId ?? '';
  if (jwtUserId === '' && isPeerLoginExpired(input.peer, account.settings, now)) {
    throw permissionDenied('peer login has expired, please log in once more');
  }
  return transact(deps, async (tx) => {
    let stored = await tx.peers.findByKey(input.peer.key, true);
    if (stored === undefined) throw notFound('peer not found');
    let renewed = false;
    if (jwtUserId !== '') [stored, renewed] = await renewIfExpired(tx, stored, jwtUserId, account.settings, now);
    if (input.extraDnsLabels.length > 0 && !stored.allowExtraDnsLabels) {
      throw preconditionFailed('peer is not allowed to have extra DNS labels');
    }
    const update = await applyPeerMeta(tx, stored, input.meta);
    const sshChanged = stored.sshKey !== input.sshKey;
    // Every Login starts a new generation (written even when nothing else changed): a
    // fast-path entry from before it is void even if the cache could not be told.
    const peer = { ...update.peer, sshKey: input.sshKey, loginGeneration: stored.loginGeneration + 1 };
    await tx.peers.update(peer);
    if (sshChanged) await bumpSerial(tx, peer.accountId, 'peer-ssh-key-changed');
    if (update.mapChanged) await bumpSerial(tx, peer.accountId, 'peer-meta-changed');
    // Upstream records a login only when a user renews an expired one; other Logins record nothing.
    if (renewed) {
      const meta = peerEventMeta(peer, accountDnsDomain(account, deps.dnsDomain));
      await recordActivity(tx, deps.clock, peer.accountId, [{ activity: 'UserLoggedInPeer', initiatorId: jwtUserId, targetId: peer.id, meta }]);
    }
    return peer;
  });
}
