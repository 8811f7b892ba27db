import type { Peer } from '../model.js';
import { ephemeralDeadline } from './ephemeral-peer-due.js';

/**
 * Grace after the earliest deadline before the cleanup runs, so peers going offline within a
 * minute of each other are deleted in one batch (upstream's cleanup window).
 */
export const EPHEMERAL_CLEANUP_WINDOW_MS = 60_000;

/**
 * When the ephemeral cleanup must next look at the account: the earliest deadline of its
 * disconnected ephemeral peers plus the cleanup window; undefined when there is none (a later
 * disconnect or registration brings the account back).
 */
export function nextEphemeralCleanupAt(peers: readonly Pick<Peer, 'ephemeral' | 'connected' | 'lastSeen'>[], since: number): number | undefined {
  let next: number | undefined;
  for (const p of peers) {
    const deadline = ephemeralDeadline(p, since);
    if (deadline !== undefined && (next === undefined || deadline < next)) next = deadline;
  }
  return next === undefined ? undefined : next + EPHEMERAL_CLEANUP_WINDOW_MS;
}
