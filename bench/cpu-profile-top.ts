/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) this reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber?: number };
    readonly children?: readonly number[];
  }[];
  /** Microseconds on the monotonic clock `process.hrtime` reads (same machine, same clock). */
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One function's self time in a window. */
export interface SelfTimeRow {
  readonly functionName: string;
  /** Path (relative to the project when inside it) and 1-based line. */
  readonly location: string;
  readonly selfMs: number;
  /** Share of the window's busy (non-idle) samples. */
  readonly percent: number;
}

export interface SelfTimeReport {
  /** Busy time sampled in the window (everything but `(idle)`). */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly rows: readonly SelfTimeRow[];
}

const IDLE = '(idle)';

/** `file:///root/src/x.ts` → `src/x.ts`; node internals and others stay as they are. */
export function shortLocation(url: string, root: string): string {
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + 1);
  return root && path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}

/** Options shared by the self-time and inclusive-time views. */
export interface ProfileWindowOptions {
  readonly fromUs?: number;
  readonly toUs?: number;
  readonly limit?: number;
  readonly root?: string;
  /** 1-based source line for a frame's 0-based position, when the default (line + 1) is wrong. */
  readonly sourceLine?: (url: string, line0: number, column0: number) => number | undefined;
}

type Frame = CpuProfile['nodes'][number]['callFrame'];
interface RowTotal {
  readonly functionName: string;
  readonly location: string;
  us: number;
}

/**
 * Samples taken in [fromUs, toUs) (all when no window is given), each weighted by the time to
 * the next sample, with the window's busy and idle totals.
 */
function windowSamples(profile: CpuProfile, opts: ProfileWindowOptions, isIdle: (nodeId: number) => boolean) {
  const from = opts.fromUs ?? -Infinity;
  const to = opts.toUs ?? Infinity;
  const busy: { nodeId: number; weight: number }[] = [];
  let busyUs = 0;
  let idleUs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = i + 1 < profile.samples.length ? t + (profile.timeDeltas[i + 1] ?? 0) : profile.endTime;
    if (t < from || t >= to) continue;
    const weight = Math.max(0, next - t);
    const nodeId = profile.samples[i]!;
    if (isIdle(nodeId)) idleUs += weight;
    else {
      busyUs += weight;
      busy.push({ nodeId, weight });
    }
  }
  return { busy, busyUs, idleUs };
}

/** A frame's grouping key and row: function name + short location with its 1-based line. */
function rowOf(frame: Frame | undefined, opts: ProfileWindowOptions): { key: string; row: RowTotal } {
  const functionName = frame?.functionName || '(anonymous)';
  const line = frame ? (opts.sourceLine?.(frame.url, frame.lineNumber, frame.columnNumber ?? 0) ?? frame.lineNumber + 1) : 0;
  const location = frame && frame.url ? `${shortLocation(frame.url, opts.root ?? '')}:${line}` : '';
  return { key: `${functionName}@${location}`, row: { functionName, location, us: 0 } };
}

/** The `limit` largest rows, as milliseconds and shares of the busy time. */
function report(rows: Iterable<RowTotal>, busyUs: number, idleUs: number, limit = 10): SelfTimeReport {
  const top = [...rows]
    .filter((r) => r.us > 0)
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((r) => ({ functionName: r.functionName, location: r.location, selfMs: r.us / 1000, percent: busyUs > 0 ? (100 * r.us) / busyUs : 0 }));
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, rows: top };
}

/**
 * The `limit` functions with the most self time among samples taken in the window. Samples
 * are grouped by function name + location, so one function's many call sites add up.
 */
export function topSelfTime(profile: CpuProfile, opts: ProfileWindowOptions = {}): SelfTimeReport {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const { busy, busyUs, idleUs } = windowSamples(profile, opts, (id) => frames.get(id)?.functionName === IDLE);
  const byKey = new Map<string, RowTotal>();
  for (const { nodeId, weight } of busy) {
    const { key, row } = rowOf(frames.get(nodeId), opts);
    const total = byKey.get(key) ?? row;
    total.us += weight;
    byKey.set(key, total);
  }
  return report(byKey.values(), busyUs, idleUs, opts.limit);
}

/**
 * The `limit` functions whose frames (matching `include`, e.g. the project's own files) were
 * on the stack for the most time in the window: each sample counts once for every distinct
 * matching function on its stack. Self time says where cycles burn (often a library); this
 * says which of our functions they burn under. `percent` is of the window's busy time.
 */
export function topInclusiveTime(profile: CpuProfile, include: (url: string) => boolean, opts: ProfileWindowOptions = {}): SelfTimeReport {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map<number, string | null>();
  const rowsByKey = new Map<string, RowTotal>();
  const key = (id: number): string | null => {
    let k = keyOf.get(id);
    if (k !== undefined) return k;
    const f = byId.get(id)?.callFrame;
    if (!f || !include(f.url)) k = null;
    else {
      const { key: rowKey, row } = rowOf(f, opts);
      k = rowKey;
      if (!rowsByKey.has(k)) rowsByKey.set(k, row);
    }
    keyOf.set(id, k);
    return k;
  };
  const { busy, busyUs, idleUs } = windowSamples(profile, opts, (id) => byId.get(id)?.callFrame.functionName === IDLE);
  for (const { nodeId: leaf, weight } of busy) {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const k = key(id);
      if (k !== null && !seen.has(k)) {
        seen.add(k);
        rowsByKey.get(k)!.us += weight;
      }
    }
  }
  return report(rowsByKey.values(), busyUs, idleUs, opts.limit);
}
