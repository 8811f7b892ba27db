import type { Peer } from '../domain/model.js';
import type { SyncPathReason } from '../metrics/session-metrics.js';
import { slowPathReason } from './fast-path-decision.js';
import type { FastPathSwitch, PeerSyncCache, SessionPeers } from './sync-ports.js';

/** What the fast path needs; `null` cache = fast path not configured. */
export interface FastPathDeps {
  readonly flag: FastPathSwitch;
  readonly cache: PeerSyncCache | null;
  readonly peers: Pick<SessionPeers, 'getAccountSerial' | 'markPeerConnected'>;
  /** Test hook run between the eligibility check and the commit (races are tested through it). */
  readonly afterEligibility?: (peer: Peer) => Promise<void>;
}

export interface SyncRequestFacts {
  readonly peerKey: string;
  /** goOS from the request meta; empty when the request carried no meta. */
  readonly goOS: string;
  readonly hasMeta: boolean;
  readonly metaHash: string;
  readonly connectionIp: string;
  readonly startedAt: number;
}

/** Either the fast path may answer (at `serial`, repeating `checks`), or why not. */
export type FastPathEligibility =
  | { readonly eligible: true; readonly serial: number; readonly checks: readonly (readonly string[])[] | undefined }
  | { readonly eligible: false; readonly reason: Exclude<SyncPathReason, 'none' | 'race'> };

/**
 * Android is told from the request, or — for clients before v0.28 that send no meta — from the
 * goOS stored at Login, so an old Android client's main Sync never loses its map (PROTOCOL §12.3).
 */
export function effectiveGoOS(req: Pick<SyncRequestFacts, 'goOS' | 'hasMeta'>, stored: Peer): string {
  return req.hasMeta ? req.goOS : stored.meta.goOS;
}

/** Eligibility: flag on, cache configured, and the pure decision. No side effects. */
export async function tryFastPathSync(deps: FastPathDeps, peer: Peer, req: SyncRequestFacts): Promise<FastPathEligibility> {
  if (!deps.cache || !deps.flag.enabled()) return { eligible: false, reason: 'flag_off' };
  const [cached, serial] = await Promise.all([deps.cache.get(req.peerKey), deps.peers.getAccountSerial(peer.accountId)]);
  const reason = slowPathReason(effectiveGoOS(req, peer), cached !== undefined, cached, serial ?? 0, req.metaHash);
  if (reason !== null) return { eligible: false, reason };
  return { eligible: true, serial: serial ?? 0, checks: cached?.checks };
}

/**
 * Marks the peer connected (the caller has already registered the stream for updates), then
 * re-reads the serial: a change committed between the check and the registration is either seen
 * here (fall back to the slow path) or arrives on the stream — never lost.
 */
export async function commitFastPath(deps: FastPathDeps, peer: Peer, req: SyncRequestFacts, expectedSerial: number): Promise<boolean> {
  await deps.afterEligibility?.(peer);
  await deps.peers.markPeerConnected(req.peerKey, { connected: true, at: req.startedAt, connectionIp: req.connectionIp });
  const now = await deps.peers.getAccountSerial(peer.accountId);
  return now === expectedSerial;
}
