import type { SyncPathReason } from '../metrics/session-metrics.js';
import { slowPathReason } from './fast-path-decision.js';
import type { SyncPeer } from './peer-identities.js';
import type { FastPathSwitch, PeerSyncCache, SerialReader, StatusRecorder } from './sync-ports.js';

/**
 * What the fast path needs; `null` cache = fast path not configured. Serials come from memory
 * and the status write is recorded for a later batch: a hit runs no SQL.
 */
export interface FastPathDeps {
  readonly flag: FastPathSwitch;
  readonly cache: PeerSyncCache | null;
  readonly serials: SerialReader;
  readonly status: StatusRecorder;
  /** Test hook run between the eligibility check and the commit (races are tested through it). */
  readonly afterEligibility?: (peer: SyncPeer) => Promise<void>;
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
export function effectiveGoOS(req: Pick<SyncRequestFacts, 'goOS' | 'hasMeta'>, stored: Pick<SyncPeer, 'goOS'>): string {
  return req.hasMeta ? req.goOS : stored.goOS;
}

/** Eligibility: flag on, cache configured, and the pure decision. No side effects. */
export async function tryFastPathSync(deps: FastPathDeps, peer: SyncPeer, req: SyncRequestFacts): Promise<FastPathEligibility> {
  if (!deps.cache || !deps.flag.enabled()) return { eligible: false, reason: 'flag_off' };
  const [cached, serial] = await Promise.all([deps.cache.get(req.peerKey), deps.serials.get(peer.accountId)]);
  const reason = slowPathReason(effectiveGoOS(req, peer), cached !== undefined, cached, serial ?? 0, req.metaHash, peer.loginGeneration);
  if (reason !== null) return { eligible: false, reason };
  return { eligible: true, serial: serial ?? 0, checks: cached?.checks };
}

/**
 * Re-reads the serial (the caller has already registered the stream for updates): a change
 * committed between the check and the registration is either seen here (fall back to the slow
 * path, which marks the peer connected itself) or arrives on the stream — never lost. Then
 * records the peer as connected.
 */
export async function commitFastPath(deps: FastPathDeps, peer: SyncPeer, req: SyncRequestFacts, expectedSerial: number): Promise<boolean> {
  await deps.afterEligibility?.(peer);
  return settle(deps, req, await deps.serials.get(peer.accountId), expectedSerial);
}

/**
 * commitFastPath decided in the caller's turn, when the serial is in memory (and no test hook
 * runs); undefined when it cannot be, and commitFastPath must be awaited. Deciding without an
 * await lets a fast-path Sync's set-up end in the turn it began: cache answers that arrive together
 * (one pipelined Redis reply for a whole storm) then never count as that many set-ups at once.
 */
export function commitFastPathNow(deps: FastPathDeps, peer: SyncPeer, req: SyncRequestFacts, expectedSerial: number): boolean | undefined {
  if (deps.afterEligibility || !deps.serials.peek) return undefined;
  const now = deps.serials.peek(peer.accountId);
  return now === undefined ? undefined : settle(deps, req, now, expectedSerial);
}

function settle(deps: FastPathDeps, req: SyncRequestFacts, now: number | undefined, expectedSerial: number): boolean {
  if (now !== expectedSerial) return false;
  deps.status.record(req.peerKey, { connected: true, at: req.startedAt, connectionIp: req.connectionIp });
  return true;
}
