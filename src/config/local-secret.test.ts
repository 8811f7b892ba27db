import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { LOCAL_SECRET_FILE, localSecretCandidate } from './local-secret.js';

test('the candidate is the data dir file when there is one, else a fresh random secret', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-secret-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const a = localSecretCandidate(dir);
  const b = localSecretCandidate(dir);
  assert.notEqual(a, b, 'no file: nothing is written, the store keeps the first candidate');
  assert.ok(a.length >= 40);
  writeFileSync(join(dir, LOCAL_SECRET_FILE), 'existing-secret\n');
  assert.equal(localSecretCandidate(dir), 'existing-secret');
});
