import type { SyncPathCounts } from './scenarios/sync-path-counts.js';

/** The path counts of one case that must come out exactly (a mismatch is an error, not a timing). */
export interface PathFacts {
  readonly peers: number;
  readonly singleReconnects: number;
  /** Absent when the phase failed (already an error of its own). */
  readonly stormFast?: SyncPathCounts;
  readonly stormSlow?: SyncPathCounts;
  readonly singleFast?: SyncPathCounts;
  readonly singleSlow?: SyncPathCounts;
  /** The steady-state server's restart storm (cache pre-filled in Redis). */
  readonly restart?: SyncPathCounts;
}

/**
 * Nothing changes between the cold connect and the storms, so with the switch on every
 * reconnect must take the fast path and with it off every one the slow path. Returns the
 * violations (empty = fine).
 */
export function pathViolations(f: PathFacts): string[] {
  const want: [string, SyncPathCounts | undefined, SyncPathCounts][] = [
    ['storm with the fast path on', f.stormFast, { fast: f.peers, slow: 0 }],
    ['storm with the fast path off', f.stormSlow, { fast: 0, slow: f.peers }],
    ['single reconnects, fast path on', f.singleFast, { fast: f.singleReconnects, slow: 0 }],
    ['single reconnects, fast path off', f.singleSlow, { fast: 0, slow: f.singleReconnects }],
    ['restart with the Redis cache filled', f.restart, { fast: f.peers, slow: 0 }],
  ];
  return want
    .flatMap(([what, got, exp]) => (got && (got.fast !== exp.fast || got.slow !== exp.slow) ? [[what, got, exp] as const] : []))
    .map(([what, got, exp]) => `${what}: server counted ${got.fast} fast / ${got.slow} slow Syncs, expected ${exp.fast} / ${exp.slow}${reasons(got)}`);
}

function reasons(c: SyncPathCounts): string {
  const moved = Object.entries(c.slowReasons ?? {}).filter(([, n]) => n !== 0);
  return moved.length === 0 ? '' : ` (slow because: ${moved.map(([r, n]) => `${r} ${n}`).join(', ')})`;
}
