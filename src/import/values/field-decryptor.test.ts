import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createFieldDecryptor } from './field-decryptor.js';

const KEY = Buffer.from('roost-upstream-fixture-key-32byt');

/** Encrypts as upstream does: base64(nonce ‖ ciphertext ‖ tag). */
function seal(plain: string, key = KEY): string {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]).toString('base64');
}

test('decrypts upstream field encryption; empty stays empty', () => {
  const d = createFieldDecryptor(KEY.toString('base64'));
  assert.equal(d('email', seal('olivia@acme.test')), 'olivia@acme.test');
  assert.equal(d('email', ''), '');
});

test('a wrong key, a damaged value or a missing key is an error naming the column', () => {
  const d = createFieldDecryptor(KEY.toString('base64'));
  assert.throws(() => d('name', seal('x', Buffer.alloc(32, 1))), /name: cannot be decrypted/);
  assert.throws(() => d('name', 'c2hvcnQ='), /name: too short/);
  assert.throws(() => createFieldDecryptor(undefined)('email', seal('x')), /email: encrypted; pass --config/);
  assert.equal(createFieldDecryptor(undefined)('email', ''), '');
  assert.throws(() => createFieldDecryptor(Buffer.alloc(16).toString('base64')), /32 bytes/);
});

test('the fixture key decrypts the fixture owner e-mail', () => {
  const d = createFieldDecryptor('cm9vc3QtdXBzdHJlYW0tZml4dHVyZS1rZXktMzJieXQ=');
  assert.equal(d('email', 'vJhPi7EXw4IMafmXD9iN2JLKgpY9VqUAw7Vl8YNLXL6ELFSgYexRhMIsOKY='), 'olivia@acme.test');
});
