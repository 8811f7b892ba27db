/**
 * Damaged Networks, DNS-zone and audit-log rows are reported row by row and nothing is written;
 * a deleted user in events.db is decrypted with the store key (and reported as not kept), and
 * one that cannot be decrypted is refused. Temp copies of the SQLite fixture and its events.db.
 */
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { FIXTURE_ROOT, damagedFixtureCopy, runImportCli } from './import-fixture.js';

let dir: string;
const cfg = ['--config', join(FIXTURE_ROOT, 'management.json')];

/** A private copy of one fixture file with `sql` applied. */
const damagedCopy = (source: string, name: string, sql: string): string => damagedFixtureCopy(dir, source, name, sql);

/** Upstream's field encryption: base64(nonce(12) ‖ AES-256-GCM ciphertext ‖ tag). */
function encrypt(plain: string): string {
  const key = Buffer.from((JSON.parse(readFileSync(join(FIXTURE_ROOT, 'management.json'), 'utf8')) as { DataStoreEncryptionKey: string }).DataStoreEncryptionKey, 'base64');
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([nonce, c.update(plain, 'utf8'), c.final(), c.getAuthTag()]).toString('base64');
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'roost-import-bad-net-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a mistyped resource, a record outside its zone, an unknown record type, a dangling resource reference and bad event meta are reported; nothing is written', async () => {
  const store = damagedCopy(
    'store.db',
    'store.db',
    `UPDATE network_resources SET type = 'subnet' WHERE name = 'hq-printer';
     UPDATE records SET name = 'db.other.test' WHERE name = 'db.svc.acme.test';
     UPDATE records SET type = 'MX' WHERE type = 'CNAME';
     UPDATE groups SET resources = '[{"ID":"gone-resource","Type":"host"}]' WHERE name = 'dns-unmanaged';
     UPDATE network_routers SET metric = 0;`,
  );
  const events = damagedCopy('events.db', 'events.db', `UPDATE events SET meta = '[1,2]' WHERE id = 5;`);
  const target = join(dir, 'target');
  const dry = await runImportCli(['--from', store, '--events', events, ...cfg, '--data-dir', target, '--dry-run'], {});
  assert.equal(dry.code, 1, dry.stderr);
  assert.match(dry.stdout, /  network_resources dc8ikklqmd2sct7oum80: type: subnet resource with address "192\.168\.50\.10\/32", which is a host/);
  assert.match(dry.stdout, /  records dc8ikklqmd2sct7oumc0: record name does not belong to zone/);
  assert.match(dry.stdout, /  records dc8ikklqmd2sct7oume0: type: unknown value "MX"/);
  assert.match(dry.stdout, /  groups dc8ikjdqmd2sct7oujh0: resources: network resource gone-resource is not in the store/);
  assert.match(dry.stdout, /  network_routers dc8ikklqmd2sct7ouma0: metric: 0 is outside 1\.\.9999/);
  assert.match(dry.stdout, /  events 5: meta: not a JSON object/);
  // The group holding the left-out resource is reported too: its reference would dangle.
  assert.match(dry.stdout, /  groups dc8ikjdqmd2sct7oujg0: resources: network resource dc8ikklqmd2sct7oum80 is not in the store/);
  assert.match(dry.stdout, /unmapped rows: 7\n/);

  const real = await runImportCli(['--from', store, '--events', events, ...cfg, '--data-dir', target], {});
  assert.equal(real.code, 1);
  assert.match(real.stderr, /7 row\(s\) cannot be mapped/);
  assert.equal(existsSync(join(target, 'store.db')), false, 'the target was not even created');
});

test("deleted users in events.db are decrypted with the store key, a deleted account's events are left out, an undecryptable user is refused", async () => {
  const readable = damagedCopy(
    'events.db',
    'events-deleted.db',
    `INSERT INTO deleted_users (id, email, name, enc_algo) VALUES ('svc-gone', '${encrypt('gone@acme.test')}', '${encrypt('Gone User')}', 'GCM');
     INSERT INTO events (timestamp, activity, initiator_id, target_id, account_id, meta) VALUES ('2026-12-01 10:00:00+00:00', 5, 'u', 'gone-account', 'gone-account', '{}');`,
  );
  const target = join(dir, 'target-deleted');
  const ok = await runImportCli(['--from', join(FIXTURE_ROOT, 'store.db'), '--events', readable, ...cfg, '--data-dir', target], {});
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /\n  deleted users +1\n/);
  assert.match(ok.stdout, /  deleted_users svc-gone: name and e-mail of a deleted user are not kept/);
  assert.match(ok.stdout, /  events \*: 1 event\(s\) of account gone-account, which is not in the store, left out/);
  assert.match(ok.stdout, /\n  audit events +92\n/);
  const db = await openStore({ engine: 'sqlite', file: join(target, 'store.db') });
  try {
    await db.migrate();
    const page = await db.repos.activity.list('dc8ikjdqmd2sct7ouj70', {});
    assert.equal(page.total, 92, 'every upstream event is in the audit log');
  } finally {
    await db.close();
  }

  const broken = damagedCopy('events.db', 'events-broken.db', `INSERT INTO deleted_users (id, email, name, enc_algo) VALUES ('svc-gone', 'bm90LWVuY3J5cHRlZC1hdC1hbGwtaGVyZQ==', '', 'GCM');`);
  const bad = await runImportCli(['--from', join(FIXTURE_ROOT, 'store.db'), '--events', broken, ...cfg, '--data-dir', join(dir, 'target-broken'), '--dry-run'], {});
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /  deleted_users svc-gone: email: /);
});
