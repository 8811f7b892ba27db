/**
 * A real Prometheus (Debian's `prometheus`) scrapes two Roost processes sharing one PostgreSQL
 * store and a Redis change bus; real clients log in, sync (slow, then fast) and receive a push;
 * then every expression of `deploy/grafana/roost.json` is evaluated through Prometheus's HTTP
 * API and must return data. Then, after REST calls and a peer meta change, so do the queries of
 * upstream's management dashboard (metrics-upstream-dashboard.ts), their variables filled in as
 * Grafana fills them; its panels whose concept Roost lacks must find no series at all. Skips
 * (with the reason) when prometheus, PostgreSQL or Redis is missing, and fails instead when
 * CI=true.
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
import { patApi } from '../harness/pat-api.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';
import { readMetric } from '../harness/read-metric.js';
import { seedAccount } from '../harness/seed.js';
import { syncOnce } from '../harness/sync-once.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { dashboardExprs } from './metrics-dashboard-panels.js';
import { ABSENT_PANELS, UPSTREAM_PANELS } from './metrics-upstream-dashboard.js';

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

interface ScrapeTarget {
  readonly address: string;
  /** Target labels Prometheus adds to every series scraped from it. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Starts Prometheus scraping `targets` (job `roost`) every second; resolves with its base URL once it answers. */
async function startPrometheus(t: TestContext, targets: readonly ScrapeTarget[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-prom-'));
  const port = await freePort();
  // JSON flow style is YAML too.
  const groups = targets.map((x) => `      - ${JSON.stringify({ targets: [x.address], labels: x.labels })}`);
  writeFileSync(join(dir, 'prometheus.yml'), ['global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'scrape_configs:', '  - job_name: roost', '    static_configs:', ...groups, ''].join('\n'));
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

/**
 * The upstream dashboard's variables as Grafana sets them: each the first of the label's values
 * on the connected-streams gauge, narrowed by the variables before it.
 */
async function upstreamVariables(base: string): Promise<Record<string, string>> {
  const vars: Record<string, string> = {};
  for (const name of ['cluster', 'environment', 'job', 'host']) {
    const match = `management_grpc_connected_streams_ratio{${Object.entries(vars).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
    const body = (await (await fetch(`${base}/api/v1/label/${name}/values?match[]=${encodeURIComponent(match)}`)).json()) as { data: string[] };
    vars[name] = body.data[0] ?? '';
  }
  return vars;
}

/** Why a panel's result would not show as data in Grafana, or undefined when it does. */
function noData(rows: readonly PromResult[], panel: { rises?: boolean; legend?: readonly string[] }): string | undefined {
  if (rows.length === 0) return 'no series';
  if (!rows.every(finite)) return `not finite: ${JSON.stringify(rows.map((r) => r.value?.[1]))}`;
  if (panel.rises && !rows.some((r) => Number(r.value![1]) > 0)) return 'flat at 0';
  const unlabelled = rows.find((r) => panel.legend?.some((l) => !r.metric[l]));
  return unlabelled && `a line without ${panel.legend!.join('/')}: ${JSON.stringify(unlabelled.metric)}`;
}

test("every panel of roost.json and of upstream's management dashboard finds data in a real Prometheus scraping two Roost processes", { timeout: 180_000 }, async (t) => {
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
  // The target labels are those upstream's dashboard selects by (its deployment's scraper adds
  // them), plus `endpoint`, which a Kubernetes ServiceMonitor adds: Prometheus then keeps Roost's
  // own `endpoint` label as `exported_endpoint`, the name the dashboard groups by.
  const site = { cluster: 'roost-test', environment: 'test', application: 'management', endpoint: 'metrics' };
  const prom = await startPrometheus(t, [
    { address: `127.0.0.1:${a.ports.metrics}`, labels: { ...site, host: 'roost-a' } },
    { address: `127.0.0.1:${b.ports.metrics}`, labels: { ...site, host: 'roost-b' } },
  ]);
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

  // Upstream's dashboard, pointed at process A (Grafana picks the first host): REST reads and
  // writes there, twice, since a labelled series appears on first use and only the second round
  // reads as a rise; and a peer whose Sync brings a new hostname (a meta update).
  const api = await patApi(a, seed, 'dashboard');
  await api('GET', '/peers');
  await api('POST', '/groups', { name: 'dashboard-1' });
  await pollUntil(async () => ((await query(prom, 'management_http_request_counter_total{host="roost-a",method="POST"}')).length > 0 ? true : undefined), { timeoutMs: 30_000, intervalMs: 200, what: 'the first REST calls scraped' });
  await api('GET', '/peers');
  await api('POST', '/groups', { name: 'dashboard-2' });
  const charlie = agent(a);
  await charlie.register(plain, linuxMeta('charlie'));
  const renamed = await charlie.sync({ meta: { ...linuxMeta('charlie'), hostname: 'charlie-renamed' } });
  await renamed.next();
  await pollUntil(async () => ((await readMetric(a.ports.metrics, 'management_account_peer_meta_update_counter_total')) ?? 0) >= 1, { what: 'the meta update counted' });

  const vars = await upstreamVariables(prom);
  assert.deepEqual({ ...vars }, { cluster: 'roost-test', environment: 'test', job: 'roost', host: 'roost-a' }, 'the variables Grafana would choose');
  // $__rate_interval: a window the whole test's traffic fits in.
  const fill = (expr: string) => expr.replace(/\$(\w+)/g, (_, name: string) => (name === '__rate_interval' ? '1m' : vars[name]!));
  const upstreamEmpty: string[] = [];
  // One deadline for all: a query tried after it passes gets one look, so a broken name fails fast.
  const until = Date.now() + 20_000;
  for (const panel of UPSTREAM_PANELS) {
    for (const expr of panel.queries.map(fill)) {
      let why: string | undefined;
      const shown = await pollUntil(async () => (why = noData(await query(prom, expr), panel)) === undefined || undefined, { timeoutMs: Math.max(0, until - Date.now()), intervalMs: 250, what: panel.title }).catch(() => false);
      if (!shown) upstreamEmpty.push(`${panel.row} / ${panel.title}: ${expr} (${why})`);
    }
  }
  assert.deepEqual(upstreamEmpty, [], "upstream's panels without data");
  for (const panel of ABSENT_PANELS) {
    for (const prefix of panel.series) assert.deepEqual(await query(prom, `count({__name__=~"${prefix}.*"})`), [], `${panel.title} stays empty: ${panel.why}`);
  }
  renamed.close();
  live.close();
});
