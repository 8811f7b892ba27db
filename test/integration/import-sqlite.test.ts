/**
 * `roost import` of upstream's SQLite fixture (store.db + events.db + management.json) into a
 * SQLite data dir, then the imported server against upstream's own view of the same store:
 * REST collections, PATs, setup-key state, and every peer logging in with its own WireGuard
 * key (no setup key) with first Sync maps equal to upstream's.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateWgKeyPair } from '../../src/crypto/wg-key.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { TestAgent, linuxMeta, status } from '../harness/test-agent.js';
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

const SRC = FIXTURE_ROOT;
const secrets = readSecrets(SRC);
const args = ['--from', join(SRC, 'store.db'), '--events', join(SRC, 'events.db'), '--config', join(SRC, 'management.json')];
let dataDir: string;
let server: TestServer;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'roost-import-'));
});

after(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the dry run maps every row of every kind (networks, DNS zones, the audit log too) and writes nothing', async () => {
  const r = await runImportCli([...args, '--data-dir', dataDir, '--dry-run'], {});
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /unmapped rows: 0\n/);
  for (const [kind, n] of IMPORTED_COUNTS) {
    assert.match(r.stdout, new RegExp(`\\n  ${kind} +${n}\\n`), `count of ${kind}`);
  }
  assert.doesNotMatch(r.stdout, /not yet supported/, 'every kind of the fixture is imported');
  assert.match(r.stderr, /import: read peers: 12 of 12 row\(s\) mapped/, 'progress on stderr');
  assert.equal(existsSync(join(dataDir, 'store.db')), false, 'a dry run does not create the target');
});

test('the import writes everything, and a second run is refused unless --replace', async () => {
  const first = await runImportCli([...args, '--data-dir', dataDir], {});
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /import: wrote peers: 12/);
  const again = await runImportCli([...args, '--data-dir', dataDir], {});
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already holds 1 account\(s\).*--replace/);
  const replaced = await runImportCli([...args, '--data-dir', dataDir, '--replace'], {});
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.match(replaced.stderr, /removed 1 existing account\(s\)/);
  server = await startTestServer({ dataDir, overrides: { clock: fixtureClock() } });
});

test("the REST view equals upstream's for every imported collection", async () => {
  const diffs = await compareRest(server.ports.http, secrets.pats[0]!.plain_token, join(SRC, 'expected'));
  assert.deepEqual(diffs, []);
});

test('every PAT authenticates as its user', async () => {
  await assertPatsWork(server.ports.http, secrets);
});

test('peers log in with their own keys, no setup key, and get the maps upstream sent', async () => {
  for (const peer of secrets.peers.filter((p) => !p.deleted)) {
    const map = await loginAndFirstMap(server.grpcTarget, peer);
    if (secrets.ids.mapsFor.includes(peer.label)) assert.deepEqual(differences(expectedMap(join(SRC, 'expected'), peer.label), map), [], `first map of ${peer.label}`);
  }
  const kiosk = secrets.peers.find((p) => p.deleted)!;
  const agent = agentFor(server.grpcTarget, kiosk);
  try {
    await assertLoginRefused(agent, { meta: fixtureMeta(kiosk.meta) }, status.PERMISSION_DENIED, 'the deleted peer is unknown');
  } finally {
    agent.close();
  }
});

test('setup keys keep their state: revoked, expired and used-up keys are refused', async () => {
  for (const name of ['leaked-key-revoked', 'expired-key', 'alice-laptop-one-off']) {
    const key = secrets.setupKeys.find((k) => k.name === name)!;
    const agent = new TestAgent(server.grpcTarget, { keys: generateWgKeyPair() });
    try {
      await assertLoginRefused(agent, { setupKey: key.plain_key.toLowerCase(), meta: linuxMeta(`new-${name}`) }, status.NOT_FOUND, name);
    } finally {
      agent.close();
    }
  }
  const reusable = secrets.setupKeys.find((k) => k.name === 'servers-reusable')!;
  const agent = new TestAgent(server.grpcTarget, { keys: generateWgKeyPair() });
  try {
    const res = await agent.login({ setupKey: reusable.plain_key.toLowerCase(), meta: linuxMeta('new-server') });
    assert.ok(res.peerConfig?.address.startsWith('100.64.'), 'a valid imported key still registers peers in the imported network');
  } finally {
    agent.close();
  }
});
