import type { Peer } from '../domain/model.js';

export interface PeerFilter {
  /** Exact peer name. */
  readonly name?: string | undefined;
  /** Exact overlay IP. */
  readonly ip?: string | undefined;
}

export interface PeerViewer {
  readonly userId: string;
  /** `own`: a regular user, who sees only the peers they enrolled. */
  readonly access: 'all' | 'own';
  /** The account's `regularUsersViewBlocked`: regular users then see no peers at all. */
  readonly regularUsersViewBlocked: boolean;
}

/** Whether a viewer may see one peer (a hidden peer answers 404, as a missing one). */
export function canSeePeer(peer: Pick<Peer, 'userId'>, viewer: PeerViewer): boolean {
  if (viewer.access === 'all') return true;
  return !viewer.regularUsersViewBlocked && peer.userId !== '' && peer.userId === viewer.userId;
}

/** GET /api/peers: the peers the viewer may see that match every given filter. */
export function visiblePeers(peers: readonly Peer[], viewer: PeerViewer, filter: PeerFilter): Peer[] {
  return peers.filter(
    (p) => canSeePeer(p, viewer) && (filter.name === undefined || p.name === filter.name) && (filter.ip === undefined || p.ip === filter.ip),
  );
}
