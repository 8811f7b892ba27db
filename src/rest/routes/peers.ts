import { refuseUnsupported, unsupportedPeerProblem } from '../from-api/unsupported-fields.js';
import { Type } from 'typebox';
import { notFound } from '../../domain/errors.js';
import type { Account, Peer } from '../../domain/model.js';
import { resolveDnsDomain } from '../../netmap/index.js';
import { accessiblePeers } from '../accessible-peers.js';
import type { Access } from '../auth/access.js';
import { authorize, authorizeRead } from '../auth/authorize.js';
import type { Caller } from '../auth/caller.js';
import { toPeerUpdate } from '../from-api/peer.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { PeerListQuery, PeerRequest, PeerTemporaryAccessRequest } from '../schemas/peer-request.js';
import { groupsContaining } from '../to-api/group.js';
import { toApiAccessiblePeer, toApiPeer, toApiPeerBatch } from '../to-api/peer.js';
import { canSeePeer, visiblePeers, type PeerViewer } from '../visible-peers.js';

const PeerParams = Type.Object({ peerId: Type.String() });

const viewerOf = (c: Caller & { access: Access }): PeerViewer => ({
  userId: c.user.id,
  access: c.access,
  regularUsersViewBlocked: c.account.settings.regularUsersViewBlocked,
});

/** The account's DNS domain wins over the server's, as in the peers' own maps. */
const dnsDomainOf = (deps: Pick<RestDeps, 'dnsDomain'>, account: Account): string => resolveDnsDomain(account.settings, deps.dnsDomain);

/** Peers of the caller's account; without `peers.read` one sees only the peers one enrolled (others are 404). */
export function registerPeerRoutes(app: RestApp, deps: Pick<RestDeps, 'peers' | 'groups' | 'snapshots' | 'clock' | 'dnsDomain'>): void {
  const visiblePeer = async (c: Caller & { access: Access }, peerId: string): Promise<Peer> => {
    const peer = await deps.peers.get(c.account.id, peerId);
    if (!canSeePeer(peer, viewerOf(c))) throw notFound('peer not found');
    return peer;
  };
  const withGroups = async (account: Account, peer: Peer) =>
    toApiPeer(peer, groupsContaining(await deps.groups.list(account.id), peer.id), dnsDomainOf(deps, account));

  app.get('/peers', { schema: { querystring: PeerListQuery } }, async (req) => {
    const c = authorizeRead(req, 'peers');
    const [peers, groups] = await Promise.all([deps.peers.list(c.account.id), deps.groups.list(c.account.id)]);
    const domain = dnsDomainOf(deps, c.account);
    return visiblePeers(peers, viewerOf(c), req.query).map((p) => toApiPeerBatch(p, groupsContaining(groups, p.id), domain));
  });

  app.get('/peers/:peerId', { schema: { params: PeerParams } }, async (req) => {
    const c = authorizeRead(req, 'peers');
    return withGroups(c.account, await visiblePeer(c, req.params.peerId));
  });

  app.put('/peers/:peerId', { schema: { params: PeerParams, body: PeerRequest } }, async (req) => {
    const c = authorize(req, 'peers', 'update');
    refuseUnsupported(unsupportedPeerProblem(req.body));
    return withGroups(c.account, await deps.peers.update(c.account.id, req.params.peerId, toPeerUpdate(req.body), c.user.id));
  });

  app.delete('/peers/:peerId', { schema: { params: PeerParams } }, async (req) => {
    const c = authorize(req, 'peers', 'delete');
    await deps.peers.delete(c.account.id, req.params.peerId, c.user.id);
    return EMPTY_OBJECT;
  });

  app.get('/peers/:peerId/accessible-peers', { schema: { params: PeerParams } }, async (req) => {
    const c = authorizeRead(req, 'peers');
    const peer = await deps.peers.get(c.account.id, req.params.peerId);
    // Upstream answers a regular user asking about someone else's peer with an empty list.
    if (!canSeePeer(peer, viewerOf(c))) return [];
    const snapshot = await deps.snapshots.loadAccountSnapshot(c.account.id);
    const domain = dnsDomainOf(deps, snapshot.account);
    return accessiblePeers(snapshot, peer.id, deps.clock.now(), deps.dnsDomain).map((p) => toApiAccessiblePeer(p, domain));
  });

  // Creates a peer and policies: both permissions are checked before anything is read (as upstream's gate).
  app.post('/peers/:peerId/temporary-access', { schema: { params: PeerParams, body: PeerTemporaryAccessRequest } }, async (req) => {
    const c = authorize(req, 'peers', 'create');
    authorize(req, 'policies', 'create');
    const { name, wg_pub_key: wgPubKey, rules } = req.body;
    const { peer } = await deps.peers.createTemporaryAccess(c.account.id, req.params.peerId, c.user.id, { name, wgPubKey, rules });
    return { id: peer.id, name: peer.name, rules };
  });
}
