/**
 * `roost import` of upstream's PostgreSQL fixture: the test restores `postgres/postgres.sql`
 * (pg_dump of upstream's real store) into a fresh database with psql, imports it (DSN in
 * libpq key=value form, as upstream's own config writes it) into Roost on PostgreSQL (another
 * fresh database), and holds the server against upstream's view of that run.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { TEST_PG_DSN, postgresSkipReason } from '../harness/postgres-test-store.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { status } from '../harness/test-agent.js';
import {
  FIXTURE_ROOT,
  IMPORTED_COUNTS,
  agentFor,
  assertLoginRefused,
  assertPatsWork,
  compareRest,
  differences,
  expectedMap,
  fixtureClock,
  fixtureMeta,
  loginAndFirstMap,
  readSecrets,
  runImportCli,
} from './import-fixture.js';

const SRC = join(FIXTURE_ROOT, 'postgres');
const secrets = readSecrets(SRC);
const skip = await postgresSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

const suffix = randomBytes(4).toString('hex');
const upstreamDb = `roost_it_upstream_${suffix}`;
const targetDb = `roost_it_target_${suffix}`;
const urlFor = (db: string): string => {
  const u = new URL(TEST_PG_DSN);
  u.pathname = `/${db}`;
  return u.toString();
};
/** The upstream DSN as upstream's NB_STORE_ENGINE_POSTGRES_DSN spells it (libpq key=value). */
const keyValueDsn = (db: string): string => {
  const u = new URL(TEST_PG_DSN);
  const pw = u.password ? ` password=${decodeURIComponent(u.password)}` : '';
  return `host=${u.hostname} port=${u.port || 5432} user=${decodeURIComponent(u.username) || 'postgres'}${pw} dbname=${db} sslmode=disable`;
};
const env = { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: urlFor(targetDb) };
let dataDir: string;
let server: TestServer | undefined;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_DSN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'roost-import-pg-'));
  await admin(`CREATE DATABASE ${upstreamDb}`);
  await admin(`CREATE DATABASE ${targetDb}`);
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', urlFor(upstreamDb), '-f', join(SRC, 'postgres.sql')], { stdio: ['ignore', 'ignore', 'pipe'] });
});

after(async () => {
  if (skip) return;
  await server?.stop();
  await admin(`DROP DATABASE IF EXISTS ${upstreamDb} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

const args = () => ['--from', keyValueDsn(upstreamDb), '--events', join(SRC, 'events.db'), '--config', join(SRC, 'management.json'), '--data-dir', dataDir];

test('the dry run on the restored PostgreSQL store maps every row', { skip }, async () => {
  const r = await runImportCli([...args(), '--dry-run'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /unmapped rows: 0\n/);
  for (const [kind, n] of IMPORTED_COUNTS) assert.match(r.stdout, new RegExp(`\\n  ${kind} +${n}\\n`), `count of ${kind}`);
  assert.doesNotMatch(r.stdout, /not yet supported/, 'every kind of the fixture is imported');
});

test('the import (and a --replace over it) into Roost on PostgreSQL gives the REST view upstream showed', { skip }, async () => {
  const r = await runImportCli(args(), env);
  assert.equal(r.code, 0, r.stderr);
  // Again with --replace: the existing account is emptied and rewritten in one transaction.
  const again = await runImportCli([...args(), '--replace'], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /removed 1 existing account\(s\)/);
  server = await startTestServer({ dataDir, env, overrides: { clock: fixtureClock() } });
  assert.deepEqual(await compareRest(server.ports.http, secrets.pats[0]!.plain_token, join(SRC, 'expected')), []);
  await assertPatsWork(server.ports.http, secrets);
});

test('PostgreSQL-run peers log in with their own keys and get upstream maps', { skip }, async () => {
  for (const peer of secrets.peers.filter((p) => !p.deleted)) {
    const map = await loginAndFirstMap(server!.grpcTarget, peer);
    if (secrets.ids.mapsFor.includes(peer.label)) assert.deepEqual(differences(expectedMap(join(SRC, 'expected'), peer.label), map), [], `first map of ${peer.label}`);
  }
  const kiosk = secrets.peers.find((p) => p.deleted)!;
  const agent = agentFor(server!.grpcTarget, kiosk);
  try {
    await assertLoginRefused(agent, { meta: fixtureMeta(kiosk.meta) }, status.PERMISSION_DENIED, 'the deleted peer is unknown');
  } finally {
    agent.close();
  }
});
