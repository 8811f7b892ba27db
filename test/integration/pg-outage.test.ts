/**
 * Roost on PostgreSQL losing its database (issue #12 item 2). The database is reached through a
 * TCP proxy the test controls, and only this test's own backends (by application_name) are
 * terminated. Nothing may end the process: while the database is away gRPC answers UNAVAILABLE,
 * REST 503 with the usual body, and open Sync streams stay open; once it is back everything
 * works again without a restart. `roost serve` also starts while the database is still down.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { systemClock } from '../../src/domain/clock.js';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { openStore } from '../../src/store/index.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';
import { postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';
import { runRoost } from '../harness/serve-process.js';
import { seedAccount } from '../harness/seed.js';
import { TcpProxy } from '../harness/tcp-proxy.js';
import type { SyncResponse } from '../../src/gen/management_pb.js';
import { GrpcCallError, TestAgent, linuxMeta, status, type SyncStream } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

/** How long the database stays away in case (b), as the issue asks. */
const OUTAGE_MS = 20_000;

const hex = () => randomBytes(4).toString('hex');

/** The real server behind TEST_PG_DSN (the proxy's target). */
function pgTarget(): { host: string; port: number } {
  const u = new URL(TEST_PG_DSN);
  return { host: u.hostname, port: Number(u.port || 5432) };
}

/** TEST_PG_DSN through the proxy, tagged with `appName`, optionally on another database. */
function proxiedDsn(proxyPort: number, appName: string, database?: string): string {
  const u = new URL(TEST_PG_DSN);
  u.host = `127.0.0.1:${proxyPort}`;
  if (database !== undefined) u.pathname = `/${database}`;
  u.searchParams.set('application_name', appName);
  return u.toString();
}

/** Runs one statement on the real server, on a connection of its own. */
async function admin<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: TEST_PG_DSN });
  await client.connect();
  try {
    return await client.query<R>(sql, params);
  } finally {
    await client.end();
  }
}

/** Terminates this test's backends only (its own application_name); returns how many. */
async function terminateBackends(appName: string): Promise<number> {
  const res = await admin<{ ok: boolean }>('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [appName]);
  return res.rows.filter((r) => r.ok).length;
}

/**
 * Fails if the stream ends (with a status or EOF) within `ms`; a message or silence both mean
 * it is still open. Doubles as the pace of the calls made during the outage.
 */
async function assertStillOpen(stream: SyncStream, ms: number, what: string): Promise<void> {
  try {
    await stream.next(ms);
  } catch (e) {
    if (e instanceof GrpcCallError || (e as Error).message === 'stream ended') assert.fail(`${what}: ${(e as Error).message}`);
  }
}

test('PostgreSQL connection loss: terminated backends, then a 20 s outage', async (t) => {
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return;
  }
  // Anything escaping would be fatal to a real process; here it is collected and asserted on.
  const escaped: unknown[] = [];
  const collect = (err: unknown) => void escaped.push(err);
  process.on('unhandledRejection', collect);
  process.on('uncaughtException', collect);

  const proxy = new TcpProxy(pgTarget());
  await proxy.up();
  const appName = `roost_outage_${hex()}`;
  const schema = `roost_it_outage_${hex()}`;
  const lost: Error[] = [];
  const store = await openStore({ engine: 'postgres', dsn: proxiedDsn(proxy.port, appName), schema, onConnectionError: (err) => lost.push(err) });
  const server = await startTestServer({ overrides: { store } });
  const agents: TestAgent[] = [];
  const streams: SyncStream[] = [];
  t.after(async () => {
    for (const s of streams) s.close();
    for (const a of agents) a.close();
    await proxy.up(); // the app's shutdown writes disconnects
    await server.stop();
    await proxy.down();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    process.off('unhandledRejection', collect);
    process.off('uncaughtException', collect);
  });

  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const { plainToken } = await createDomainServices(seed.deps).tokens.create(seed.accountId, seed.ownerId, { name: 'outage', expiresInDays: 1 });
  const rest = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${server.ports.http}${path}`, { headers: { authorization: `Token ${plainToken}` } });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const newAgent = () => {
    const a = new TestAgent(server.grpcTarget);
    agents.push(a);
    return a;
  };
  const seesPeer = (key: string) => (m: SyncResponse) => m.networkMap?.remotePeers.some((p) => p.wgPubKey === key) ?? false;
  /** Opens a Sync; its first message must carry a map listing `expectPeers`. */
  const openSync = async (agent: TestAgent, host: string, expectPeers: string[] = []) => {
    const s = await agent.sync({ meta: linuxMeta(host) });
    streams.push(s);
    const first = await s.next();
    assert.ok(first.networkMap, `${host}: first Sync message carries a map`);
    for (const k of expectPeers) assert.ok(seesPeer(k)(first), `${host} sees ${k}`);
    return s;
  };

  const alpha = newAgent();
  await alpha.register(key.plain, linuxMeta('alpha'));
  const alphaStream = await openSync(alpha, 'alpha');

  await t.test('(a) terminated backends while idle: the process lives on and the next calls work', async () => {
    assert.equal((await rest('/api/peers')).status, 200); // leaves idle connections in the pool
    const killed = await terminateBackends(appName);
    assert.ok(killed > 0, 'the pool held idle connections to terminate');
    // Each dead idle connection is reported (and dropped by the pool), never thrown.
    await pollUntil(() => lost.length >= killed, { timeoutMs: 5_000, what: `${killed} connection errors (saw ${lost.length})` });
    assert.ok(lost.every((e) => /terminating connection|Connection terminated/.test(e.message)), lost.map((e) => e.message).join('; '));

    await alpha.login({ meta: linuxMeta('alpha') });
    const peers = await rest('/api/peers');
    assert.equal(peers.status, 200);
    assert.equal((peers.json as unknown[]).length, 1);
    const beta = newAgent();
    await beta.register(key.plain, linuxMeta('beta'));
    const betaStream = await openSync(beta, 'beta', [alpha.publicKey]);
    await alphaStream.nextMatching(seesPeer(beta.publicKey));
    betaStream.close();
  });

  await t.test('(b) a 20 s outage: 503 and UNAVAILABLE meanwhile, open streams stay open, all works after', async () => {
    await proxy.down();
    const downSince = Date.now();
    let answered = 0;
    // Calls keep coming during the whole outage: each one fails fast and cleanly.
    while (Date.now() - downSince < OUTAGE_MS) {
      const res = await rest('/api/peers');
      assert.equal(res.status, 503);
      assert.deepEqual(Object.keys(res.json as object).sort(), ['code', 'message']);
      assert.equal((res.json as { code: number }).code, 503);
      assert.match((res.json as { message: string }).message, /database is unavailable/);
      await assert.rejects(alpha.login({ meta: linuxMeta('alpha') }), (e) => e instanceof GrpcCallError && e.code === status.UNAVAILABLE);
      answered++;
      await assertStillOpen(alphaStream, Math.max(1, Math.min(1_000, OUTAGE_MS - (Date.now() - downSince))), 'alpha keeps its Sync stream during the outage');
    }
    assert.ok(answered >= 10, `calls answered during the outage: ${answered}`);

    await proxy.up();
    await pollUntil(
      () => alpha.login({ meta: linuxMeta('alpha') }).then(() => true, (e: unknown) => (e instanceof GrpcCallError && e.code === status.UNAVAILABLE ? false : Promise.reject(e))),
      { timeoutMs: 15_000, intervalMs: 100, what: 'Login to work again' },
    );
    assert.equal((await rest('/api/peers')).status, 200);
    const gamma = newAgent();
    await gamma.register(key.plain, linuxMeta('gamma'));
    const gammaStream = await openSync(gamma, 'gamma', [alpha.publicKey]);
    // The stream opened before the outage is the one that now learns about gamma.
    await alphaStream.nextMatching(seesPeer(gamma.publicKey));
    gammaStream.close();
  });

  assert.deepEqual(escaped, [], 'no unhandled rejection or uncaught exception');
});

/** `roost serve` from source with its stderr kept, ports parsed once it logs them. */
function serveProcess(dataDir: string, env: Record<string, string>) {
  const child = runRoost(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--grpc-port', '0', '--http-port', '0', '--metrics-port', '0', '--log-level', 'info'], env);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => err,
    count: (msg: RegExp) => err.split('\n').filter((l) => msg.test(l)).length,
    port: (name: string) => {
      const m = new RegExp(`"msg":"${name} listening on [^"]*:(\\d+)"`).exec(err);
      return m ? Number(m[1]) : undefined;
    },
  };
}

test('roost serve starts while PostgreSQL is down, serves once it is up, survives terminated backends; SIGTERM while waiting exits 0', { skip: needsUnix() }, async (t) => {
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return;
  }
  // `serve` has no schema setting, so the process gets a private database instead.
  const database = `roost_outage_${hex()}`;
  await admin(`CREATE DATABASE ${database}`);
  const proxy = new TcpProxy(pgTarget());
  await proxy.up(); // takes a port, then the database "is down" before roost starts
  await proxy.down();
  const appName = `roost_serve_${hex()}`;
  const env = { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: proxiedDsn(proxy.port, appName, database) };
  const dirs = [mkdtempSync(join(tmpdir(), 'roost-pg-outage-')), mkdtempSync(join(tmpdir(), 'roost-pg-outage-'))];
  const main = serveProcess(dirs[0]!, env);
  const early = serveProcess(dirs[1]!, env);
  const direct = new URL(TEST_PG_DSN);
  direct.pathname = `/${database}`;
  const seedStore = await openStore({ engine: 'postgres', dsn: direct.toString() });
  const agents: TestAgent[] = [];
  t.after(async () => {
    for (const a of agents) a.close();
    for (const p of [main, early]) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all([main.exited, early.exited]);
    await seedStore.close();
    await proxy.down();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const retry = /database unavailable at start-up \(connect ECONNREFUSED [^)]*\); retrying in \d+ ms/;

  // SIGTERM during the wait: a clean exit, no stack.
  await pollUntil(() => early.count(retry) >= 1, { timeoutMs: 20_000, what: `a retry warning: ${early.stderr()}` });
  early.child.kill('SIGTERM');
  assert.equal(await early.exited, 0, early.stderr());

  // The other one logs each attempt (warn), then serves once the database is reachable.
  await pollUntil(() => main.count(retry) >= 2, { timeoutMs: 20_000, what: `two retry warnings: ${main.stderr()}` });
  assert.ok(main.stderr().split('\n').filter((l) => retry.test(l)).every((l) => l.includes('"level":40')), 'retries are warnings');
  assert.equal(main.port('grpc'), undefined, 'nothing listens before the store is ready');
  await proxy.up();
  const grpcPort = await pollUntil(() => main.port('grpc'), { timeoutMs: 20_000, what: `serve to listen: ${main.stderr()}` });

  // Login and Sync against the store the process migrated while it waited.
  const deps = { store: seedStore, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
  const services = createDomainServices(deps);
  const { account } = await services.ensureDefaultAccount();
  const created = await services.setupKeys.create(account.id, { name: 'k', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false });
  const agent = new TestAgent(`127.0.0.1:${grpcPort}`);
  agents.push(agent);
  await agent.register(created.plainKey.toLowerCase(), linuxMeta('delta'));
  const stream = await agent.sync({ meta: linuxMeta('delta') });
  assert.ok((await stream.next()).networkMap);
  stream.close();

  // The reported crash: its idle connections terminated, the process used to exit 1.
  const killed = await terminateBackends(appName);
  assert.ok(killed > 0, 'the serve process held connections to terminate');
  await pollUntil(() => main.count(/database connection lost/) >= killed, { timeoutMs: 5_000, what: `connection-lost warnings: ${main.stderr()}` });
  assert.equal(main.child.exitCode, null, 'still running');
  await agent.login({ meta: linuxMeta('delta') });

  main.child.kill('SIGTERM');
  assert.equal(await main.exited, 0, main.stderr());
  for (const p of [main, early]) assert.doesNotMatch(p.stderr(), /Unhandled|unhandled|uncaught|\n\s+at /, 'no unhandled error and no stack trace');
});
