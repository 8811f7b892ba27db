import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securePrivateDataDir, tightenedMode } from './private-data-dir.js';

test('tightenedMode: dirs 0700, files 0600, nothing to do when already so', () => {
  const cases: [mode: number, kind: 'dir' | 'file', want: number | undefined][] = [
    [0o40700, 'dir', undefined],
    [0o40755, 'dir', 0o700],
    [0o40750, 'dir', 0o700],
    [0o40500, 'dir', 0o700],
    [0o100600, 'file', undefined],
    [0o100644, 'file', 0o600],
    [0o100640, 'file', 0o600],
    [0o100400, 'file', 0o600],
    [0o100666, 'file', 0o600],
  ];
  for (const [mode, kind, want] of cases) assert.equal(tightenedMode(mode, kind), want, `${mode.toString(8)} ${kind}`);
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

test('a new data dir is created 0700; an existing loose one and its files are tightened and reported', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'roost-datadir-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const fresh = join(parent, 'fresh');
  assert.deepEqual(securePrivateDataDir(fresh), []);
  assert.equal(modeOf(fresh), 0o700);

  const old = join(parent, 'old');
  securePrivateDataDir(old);
  chmodSync(old, 0o755);
  // chmod, not a create mode: the umask must not decide how loose the old files are.
  for (const f of ['store.db', 'store.db-wal', 'server.key', 'notes.txt']) {
    writeFileSync(join(old, f), 'x');
    chmodSync(join(old, f), 0o644);
  }
  const changed = securePrivateDataDir(old);
  assert.deepEqual(
    changed.map((c) => [c.path.slice(old.length), c.from, c.to]),
    [
      ['', '0755', '0700'],
      ['/store.db', '0644', '0600'],
      ['/store.db-wal', '0644', '0600'],
      ['/server.key', '0644', '0600'],
    ],
  );
  assert.equal(modeOf(old), 0o700);
  for (const f of ['store.db', 'store.db-wal', 'server.key']) assert.equal(modeOf(join(old, f)), 0o600, f);
  assert.equal(modeOf(join(old, 'notes.txt')), 0o644, 'files Roost does not write are left alone');
  assert.deepEqual(securePrivateDataDir(old), [], 'a second start changes nothing');
});
