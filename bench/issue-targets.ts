import type { PolicyMode } from './seed-bench-account.js';

/** The numbers of one case the issue-#6 targets are judged on. */
export interface TargetInput {
  readonly mode: PolicyMode;
  readonly peers: number;
  readonly fastCpuPerSyncMs: number;
  readonly slowCpuPerSyncMs: number;
  readonly stormFastWallMs: number;
  readonly fanOutWallMs: number;
}

export interface TargetVerdict {
  readonly target: string;
  readonly mode: PolicyMode;
  /** The measured value, formatted, with the peer counts it was measured at. */
  readonly measured: string;
  /** null when the target is only reported (no pass/fail), or the data is missing. */
  readonly met: boolean | null;
}

const TARGET_N = 5000;

/**
 * Judges the issue-#6 targets per policy mode on the smallest and largest peer counts
 * measured (the targets speak of 100 → 5,000; a smaller run says at which N it judged).
 */
export function evaluateTargets(cases: readonly TargetInput[]): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  for (const mode of ['allow-all', 'groups'] as const) {
    const mine = cases.filter((c) => c.mode === mode).sort((a, b) => a.peers - b.peers);
    const small = mine[0];
    const big = mine.at(-1);
    if (!small || !big) continue;
    const judge = (value: number, pass: (v: number) => boolean | null, text: (v: number) => string): { measured: string; met: boolean | null } =>
      Number.isFinite(value) ? { measured: text(value), met: pass(value) } : { measured: 'not measured (phase failed)', met: null };
    const at = big.peers === TARGET_N ? `N=${big.peers}` : `N=${big.peers}, target is for ${TARGET_N}`;
    if (big.peers > small.peers) {
      const growth = big.fastCpuPerSyncMs / small.fastCpuPerSyncMs;
      out.push({ target: 'fast-path CPU per Sync flat in N (≤ 1.2×)', mode, ...judge(growth, (g) => g <= 1.2, (g) => `${g.toFixed(2)}× (N=${small.peers} → ${big.peers})`) });
    }
    const ratio = big.slowCpuPerSyncMs / big.fastCpuPerSyncMs;
    out.push({ target: 'slow/fast CPU per Sync ≥ 50×', mode, ...judge(ratio, (r) => r >= 50, (r) => `${r.toFixed(1)}× (${at})`) });
    out.push({ target: 'reconnect storm, fast path on, all served ≤ 5 s', mode, ...judge(big.stormFastWallMs, (w) => w <= 5000, (w) => `${(w / 1000).toFixed(2)} s (${at})`) });
    out.push({
      target: mode === 'groups' ? 'fan-out to every peer ≤ 5 s' : 'fan-out to every peer (report; aim ≤ 15 s)',
      mode,
      ...judge(big.fanOutWallMs, (w) => (mode === 'groups' ? w <= 5000 : null), (w) => `${(w / 1000).toFixed(2)} s (${at})`),
    });
  }
  return out;
}
