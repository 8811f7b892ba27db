/**
 * A real Prometheus (Debian's `prometheus`) scrapes two Roost processes sharing one PostgreSQL
 * store and a Redis change bus; real clients log in, sync (slow, then fast) and receive a push;
 * then every expression of `deploy/grafana/roost.json` is evaluated through Prometheus's HTTP
 * API and must return data. Skips (with the reason) when prometheus, PostgreSQL or Redis is
 * missing, and fails instead when CI=true.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FastPathFlag } from '../../src/flags/fast-path-flag.js';
import { connectTestRedis, TEST_REDIS_ADDRESS } from '../../src/flags/testing/probe-redis.js';
import { openStore } from '../../src/store/index.js';
import { fastPathTestConfig } from '../harness/fast-path-test-config.js';
import { freePort } from '../harness/free-port.js';
import { pollUntil } from '../harness/poll.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';
import { readMetric } from '../harness/read-metric.js';
import { seedAccount } from '../harness/seed.js';
import { syncOnce } from '../harness/sync-once.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { dashboardExprs } from './metrics-dashboard-panels.js';

/** Why Prometheus cannot run here, or undefined; throws under CI=true. */
function prometheusSkipReason(): string | undefined {
  const found = spawnSync('prometheus', ['--version'], { stdio: 'ignore' });
  if (found.error === undefined && found.status === 0) return undefined;
  const reason = 'prometheus is not installed (apt-get install prometheus)';
  if (process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true)`);
  return reason;
}

interface PromResult {
  readonly metric: Record<string, string>;
  readonly value?: [number, string];
}

/** Starts Prometheus scraping `targets` every second; resolves with its base URL once it answers. */
async function startPrometheus(t: TestContext, targets: readonly string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-prom-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    ['global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'scrape_configs:', '  - job_name: roost', '    static_configs:', `      - targets: [${targets.map((x) => `'${x}'`).join(', ')}]`, ''].join('\n'),
  );
  let log = '';
  const child = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.after(async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${port}`;
  await pollUntil(async () => (await fetch(`${base}/-/ready`).catch(() => undefined))?.ok, { timeoutMs: 30_000, intervalMs: 100, what: `prometheus to be ready (${log})` });
  return base;
}

async function query(base: string, expr: string): Promise<PromResult[]> {
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: PromResult[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data!.result;
}

const finite = (r: PromResult) => r.value !== undefined && Number.isFinite(Number(r.value[1]));

test('every panel of roost.json finds data in a real Prometheus scraping two Roost processes', { timeout: 180_000 }, async (t) => {
  const skip = prometheusSkipReason() ?? (await postgresSkipReason());
  if (skip) return t.skip(skip);
  const redis = await connectTestRedis();
  if (typeof redis === 'string') return t.skip(redis);
  redis.disconnect();

  // Two processes on one PostgreSQL schema and one Redis bus, the fast path forced on.
  const pg = await openPostgresTestStore('prom');
  const env = { NB_CHANGE_BUS_REDIS_ADDRESS: TEST_REDIS_ADDRESS.replace(/^redis:\/\//, ''), NB_CHANGE_BUS_REDIS_PREFIX: `roost-prom-${randomBytes(4).toString('hex')}` };
  const servers: TestServer[] = [];
  const agents: TestAgent[] = [];
  t.after(async () => {
    for (const a of agents) a.close();
    for (const s of servers.reverse()) await s.stop();
    await pg.drop();
  });
  const start = async (store: typeof pg.store) => {
    const s = await startTestServer({ env, file: fastPathTestConfig, overrides: { store, fastPathFlag: FastPathFlag.forced(true) } });
    servers.push(s);
    return s;
  };
  const a = await start(pg.store);
  const b = await start(await openStore({ engine: 'postgres', dsn: TEST_PG_DSN, schema: pg.schema }));
  const agent = (s: TestServer) => {
    const x = new TestAgent(s.grpcTarget);
    agents.push(x);
    return x;
  };

  // Prometheus first: every series is seen at zero before the traffic, so rate() sees it rise.
  const prom = await startPrometheus(t, [a, b].map((s) => `127.0.0.1:${s.ports.metrics}`));
  await pollUntil(async () => ((await query(prom, 'sum(up{job="roost"})'))[0]?.value?.[1] === '2' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200, what: 'both targets scraped' });
  await pollUntil(async () => ((await query(prom, 'count(roost_store_transaction_seconds_count)'))[0]?.value?.[1] === '4' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200, what: 'zeroed series scraped' });

  const seed = await seedAccount(a.app);
  const { plain } = await seed.setupKey();
  const meta = linuxMeta('alpha');
  const alpha = agent(a);
  await alpha.register(plain, meta);
  await syncOnce(alpha, a.app, { meta }); // slow: cache miss, then the entry is written
  await syncOnce(alpha, a.app, { meta }); // fast: the client holds the current map
  // Sync paths appear on first use: once Prometheus has seen the fast one, another makes it rise.
  await pollUntil(async () => ((await query(prom, 'roost_sync_requests_total{path="fast"}'))[0]?.value?.[1] === '1' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200, what: 'the fast path scraped' });
  const live = await alpha.sync({ meta });
  const first = await live.next();
  assert.equal(first.networkMap, undefined, 'the second Sync took the fast path');
  await pollUntil(async () => ((await readMetric(a.ports.metrics, 'roost_sync_requests_total', { path: 'fast', reason: 'none' })) ?? 0) >= 2, { what: 'the fast Sync counted' });

  // A registration on the other process reaches alpha's stream through the Redis bus.
  await agent(b).register(plain, linuxMeta('bravo'));
  await live.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 0) > 0);
  await pollUntil(async () => ((await readMetric(a.ports.metrics, 'roost_sync_push_latency_seconds_count')) ?? 0) >= 1, { what: 'the push measured' });

  const exprs = dashboardExprs();
  assert.ok(exprs.length >= 20);
  const empty: string[] = [];
  for (const e of exprs) {
    const expr = e.expr.replaceAll('$__rate_interval', '1m');
    const found = await pollUntil(async () => ((await query(prom, expr)).some(finite) ? true : undefined), { timeoutMs: 20_000, intervalMs: 250, what: `${e.panel} / ${e.legend}` }).catch(() => false);
    if (!found) empty.push(`${e.panel} / ${e.legend}: ${expr}`);
  }
  assert.deepEqual(empty, [], 'panels without data');
  live.close();
});
