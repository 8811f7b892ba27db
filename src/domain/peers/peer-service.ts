import type { DomainDeps } from '../domain-deps.js';
import { notFound, preconditionFailed } from '../errors.js';
import type { Peer, PeerMeta } from '../model.js';
import type { ConnectionChange } from './connection-change.js';
import { deletePeer } from './delete-peer.js';
import { expirePeerLogins } from './expire-peer-logins.js';
import { loginPeer, type LoginPeerInput } from './login-peer.js';
import { markPeerConnected, markPeersConnected } from './mark-peer-connected.js';
import type { MetaUpdate } from './apply-peer-meta.js';
import { registerPeer, type RegisterPeerInput, type RegisteredPeer } from './register-peer.js';
import { registerSsoPeer, type RegisterSsoPeerInput } from './register-sso-peer.js';
import { syncPeerMeta } from './sync-peer-meta.js';
import { updatePeer, type PeerUpdate } from './update-peer.js';
import { createTemporaryAccess, type TemporaryAccess, type TemporaryAccessInput } from './create-temporary-access.js';
import type { InitiatorId } from '../activity/activity-event.js';

/** What the gRPC layer calls for Login, Sync, SyncMeta and Logout. */
export interface PeerLifecycle {
  registerPeer(input: RegisterPeerInput): Promise<RegisteredPeer>;
  /** A new peer for the user a Login's JWT named. */
  registerSsoPeer(input: RegisterSsoPeerInput): Promise<RegisteredPeer>;
  loginPeer(input: LoginPeerInput): Promise<Peer>;
  syncPeerMeta(peerKey: string, meta: PeerMeta): Promise<MetaUpdate>;
  markPeerConnected(peerKey: string, change: ConnectionChange): Promise<boolean>;
  /** Several status changes in order, in one transaction; unknown keys are skipped. */
  markPeersConnected(items: readonly { readonly peerKey: string; readonly change: ConnectionChange }[]): Promise<void>;
  deletePeer(accountId: string, peerId: string, by?: InitiatorId): Promise<Peer>;
  expirePeerLogins(accountId: string): Promise<Peer[]>;
}

export function createPeerLifecycle(deps: DomainDeps): PeerLifecycle {
  return {
    registerPeer: (input) => registerPeer(deps, input),
    registerSsoPeer: (input) => registerSsoPeer(deps, input),
    loginPeer: (input) => loginPeer(deps, input),
    syncPeerMeta: (peerKey, meta) => syncPeerMeta(deps, peerKey, meta),
    markPeerConnected: (peerKey, change) => markPeerConnected(deps, peerKey, change),
    markPeersConnected: (items) => markPeersConnected(deps, items),
    deletePeer: (accountId, peerId, by) => deletePeer(deps, accountId, peerId, by),
    expirePeerLogins: (accountId) => expirePeerLogins(deps, accountId),
  };
}

/** The admin API's peers resource. */
export interface PeerService {
  list(accountId: string): Promise<Peer[]>;
  get(accountId: string, peerId: string): Promise<Peer>;
  /** The IDs of the groups the peer belongs to (REST shows them with the peer). */
  groupIdsOf(accountId: string, peerId: string): Promise<string[]>;
  update(accountId: string, peerId: string, update: PeerUpdate, by?: InitiatorId): Promise<Peer>;
  delete(accountId: string, peerId: string, by?: InitiatorId): Promise<void>;
  /** A temporary peer of `userId` that may reach `targetId` only (see `createTemporaryAccess`). */
  createTemporaryAccess(accountId: string, targetId: string, userId: string, input: TemporaryAccessInput): Promise<TemporaryAccess>;
}

export function createPeerService(deps: DomainDeps): PeerService {
  const repos = deps.store.repos;
  return {
    list: (accountId) => repos.peers.list(accountId),
    async get(accountId, peerId) {
      const peer = await repos.peers.get(accountId, peerId);
      if (peer === undefined) throw notFound('peer not found');
      return peer;
    },
    groupIdsOf: (accountId, peerId) => repos.groups.groupIdsOfPeer(accountId, peerId),
    update: (accountId, peerId, update, by) => updatePeer(deps, accountId, peerId, update, by),
    async delete(accountId, peerId, by) {
      // Upstream refuses deleting a peer that a network router names (412) — via the API only.
      const router = (await repos.networkRouters.list(accountId)).find((r) => r.peer === peerId);
      if (router !== undefined) throw preconditionFailed(`peer is linked to a network router: ${router.id}`);
      await deletePeer(deps, accountId, peerId, by);
    },
    createTemporaryAccess: (accountId, targetId, userId, input) => createTemporaryAccess(deps, accountId, targetId, userId, input),
  };
}
