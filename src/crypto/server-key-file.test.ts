import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SERVER_KEY_FILE, loadOrCreateServerKey } from './server-key-file.js';
import { isRoostError } from '../domain/errors.js';

test('server key is created once, private, and the same on the next load', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-key-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = loadOrCreateServerKey(join(dir, 'nested'));
  const again = loadOrCreateServerKey(join(dir, 'nested'));
  assert.deepEqual(again.publicKey, first.publicKey);
  assert.equal(statSync(join(dir, 'nested', SERVER_KEY_FILE)).mode & 0o777, 0o600);
  assert.equal(statSync(join(dir, 'nested')).mode & 0o777, 0o700, 'the data dir it creates is private too');
});

test('a corrupt key file is an Internal error, not a silent new key', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-key-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, SERVER_KEY_FILE), 'garbage\n');
  assert.throws(() => loadOrCreateServerKey(dir), (e: unknown) => isRoostError(e, 'Internal'));
});
