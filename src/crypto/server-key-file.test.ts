import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SERVER_KEY_FILE, loadSharedServerKey, readServerKeyFile, type SharedSecrets } from './server-key-file.js';
import { formatWgKey, generateWgKeyPair } from './wg-key.js';
import { isRoostError } from '../domain/errors.js';

/** The store's insert-if-absent semantics in memory. */
function memorySecrets(): SharedSecrets & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    async getOrCreate(name, candidate) {
      if (!values.has(name)) values.set(name, candidate());
      return values.get(name)!;
    },
  };
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'roost-key-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('without a key file the store gets a new key, the same on the next load', async (t) => {
  const dir = tempDir(t);
  const secrets = memorySecrets();
  assert.equal(readServerKeyFile(dir), undefined);
  const first = await loadSharedServerKey(dir, secrets, 1);
  const again = await loadSharedServerKey(dir, secrets, 2);
  assert.deepEqual(again.publicKey, first.publicKey);
});

test('an existing server.key is imported on the first start, the store wins afterwards', async (t) => {
  const dir = tempDir(t);
  const old = generateWgKeyPair();
  writeFileSync(join(dir, SERVER_KEY_FILE), `${formatWgKey(old.secretKey)}\n`);
  const secrets = memorySecrets();
  assert.deepEqual((await loadSharedServerKey(dir, secrets, 1)).publicKey, old.publicKey);
  // Another process with another (or no) file still answers with the stored key.
  const other = tempDir(t);
  assert.deepEqual((await loadSharedServerKey(other, secrets, 2)).publicKey, old.publicKey);
});

test('a corrupt key file or stored key is an Internal error, not a silent new key', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, SERVER_KEY_FILE), 'garbage\n');
  assert.throws(() => readServerKeyFile(dir), (e: unknown) => isRoostError(e, 'Internal'));
  const secrets = memorySecrets();
  secrets.values.set('wireguard-private-key', 'garbage');
  await assert.rejects(loadSharedServerKey(tempDir(t), secrets, 1), (e: unknown) => isRoostError(e, 'Internal'));
});

test('the stored key is mirrored into a data dir without server.key (0600), never over an existing file', async (t) => {
  const dir = tempDir(t);
  const secrets = memorySecrets();
  const pair = await loadSharedServerKey(dir, secrets, 1);
  assert.deepEqual(readServerKeyFile(dir)?.publicKey, pair.publicKey);
  assert.equal(statSync(join(dir, SERVER_KEY_FILE)).mode & 0o777, 0o600);
  const other = tempDir(t);
  writeFileSync(join(other, SERVER_KEY_FILE), `${formatWgKey(generateWgKeyPair().secretKey)}\n`);
  const before = readFileSync(join(other, SERVER_KEY_FILE), 'utf8');
  await loadSharedServerKey(other, secrets, 2);
  assert.equal(readFileSync(join(other, SERVER_KEY_FILE), 'utf8'), before);
});
