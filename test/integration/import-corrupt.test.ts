/**
 * A damaged upstream store is reported row by row and nothing is written: a temp copy of the
 * SQLite fixture with a broken JSON column, unknown enum values and an unknown column with a
 * value; and a copy that maps cleanly but breaks a constraint while writing (two peers with
 * one WireGuard key), which must roll back a `--replace` completely.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { FIXTURE_ROOT, damagedFixtureCopy, runImportCli } from './import-fixture.js';

let dir: string;
const cfg = ['--config', join(FIXTURE_ROOT, 'management.json')];

/** A private copy of the fixture's store.db with `sql` applied. */
const damagedCopy = (name: string, sql: string): string => damagedFixtureCopy(dir, 'store.db', `${name}.db`, sql);

async function peersInTarget(dataDir: string): Promise<Map<string, string>> {
  const store = await openStore({ engine: 'sqlite', file: join(dataDir, 'store.db') });
  try {
    await store.migrate();
    const ids = await store.repos.accounts.listIds();
    const peers = ids.length === 0 ? [] : await store.repos.peers.list(ids[0]!);
    return new Map(peers.map((p) => [p.id, p.key]));
  } finally {
    await store.close();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'roost-import-bad-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a broken JSON column, unknown enums and an unknown column are reported with their rows; nothing is written', async () => {
  const file = damagedCopy(
    'broken',
    `UPDATE peers SET meta_flags = '{"RosenpassEnabled":tru' WHERE name = 'srv-db-01';
     UPDATE routes SET network_type = 7 WHERE net_id = 'office-lan';
     UPDATE policy_rules SET protocol = 'sctp' WHERE name = 'dev-ports';
     ALTER TABLE setup_keys ADD COLUMN future_scope text;
     UPDATE setup_keys SET future_scope = 'org' WHERE name = 'expired-key';`,
  );
  const target = join(dir, 'target-broken');
  const dry = await runImportCli(['--from', file, ...cfg, '--data-dir', target, '--dry-run'], {});
  assert.equal(dry.code, 1, 'a dry run with unmapped rows exits 1');
  // The broken peer's two group memberships are reported too: they point at a peer left out.
  assert.match(dry.stdout, /unmapped rows: 6\n/);
  assert.match(dry.stdout, /  group_peers dc8ikjdqmd2sct7oujd0\/dc8ikjlqmd2sct7oukd0: peer dc8ikjlqmd2sct7oukd0 is not in the store/);
  assert.match(dry.stdout, /  peers dc8ikjlqmd2sct7oukd0: meta_flags: broken JSON/);
  assert.match(dry.stdout, /  routes dc8ikklqmd2sct7oum0g: network_type: unknown value 7/);
  assert.match(dry.stdout, /  policy_rules dc8ikjdqmd2sct7oujtg: protocol: unknown value "sctp"/);
  assert.match(dry.stdout, /  setup_keys dc8ikjdqmd2sct7ouk70: unknown column\(s\) future_scope/);

  const real = await runImportCli(['--from', file, ...cfg, '--data-dir', target], {});
  assert.equal(real.code, 1);
  assert.match(real.stderr, /6 row\(s\) cannot be mapped \(listed above\); nothing was written/);
  assert.equal((await peersInTarget(target)).size, 0, 'the target holds nothing');
});

test('without the encryption key, the encrypted user columns are reported instead of stored unreadable', async () => {
  const r = await runImportCli(['--from', join(FIXTURE_ROOT, 'store.db'), '--dry-run'], {});
  assert.equal(r.code, 1);
  assert.match(r.stdout, /  users idp\|olivia-owner-7f3c9a: name: encrypted; pass --config/);
});

test('a write that fails half-way rolls back everything, including the --replace', async () => {
  const target = join(dir, 'target-replace');
  const good = await runImportCli(['--from', join(FIXTURE_ROOT, 'store.db'), ...cfg, '--data-dir', target], {});
  assert.equal(good.code, 0, good.stderr);
  const before = await peersInTarget(target);
  assert.equal(before.size, 12);

  // Upstream's own unique index is dropped from the copy so that the damage gets in.
  const file = damagedCopy('dup-key', `DROP INDEX idx_peers_key_unique; UPDATE peers SET key = (SELECT key FROM peers WHERE name = 'srv-web-01') WHERE name = 'srv-db-01';`);
  const r = await runImportCli(['--from', file, ...cfg, '--data-dir', target, '--replace'], {});
  assert.equal(r.code, 1, 'the unique WireGuard key is enforced by the store');
  assert.match(r.stderr, /removed 1 existing account/, 'the replace had started inside the transaction');
  assert.deepEqual(await peersInTarget(target), before, 'the earlier import is intact');
});
