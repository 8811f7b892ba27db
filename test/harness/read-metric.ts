/**
 * Reads one sample from the server's Prometheus endpoint: the value of `name` whose labels
 * include every pair of `labels`, or `undefined` when no such sample is exposed.
 */
export async function readMetric(metricsPort: number, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return sampleValue(await res.text(), name, labels);
}

/** The value of the first sample of `name` (exact) carrying all of `labels`, from exposition text. */
export function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((p) => [p[1], p[2]]));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) return Number(m[3]);
  }
  return undefined;
}
