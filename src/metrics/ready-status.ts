/** A dependency the readiness probe checks; rejects (or times out) when it does not answer. */
export type ReadinessCheck = () => Promise<void>;

/**
 * What `GET /ready` answers: 200 when every check answered within `timeoutMs`, else 503 with the
 * names of those that did not (no error details: the port may be reachable by a load balancer
 * only, but the reasons belong in the log).
 */
export async function readyStatus(checks: Readonly<Record<string, ReadinessCheck>>, timeoutMs: number): Promise<{ status: 200 | 503; body: string }> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((n) => withDeadline(checks[n]!(), timeoutMs).then(() => true, () => false)));
  const failing = names.filter((_, i) => !results[i]);
  return failing.length === 0 ? { status: 200, body: 'ready\n' } : { status: 503, body: `not ready: ${failing.join(', ')}\n` };
}

function withDeadline(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
