import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { DEFAULT_RELAY_TOKEN_TTL_MS, generateRelayToken, verifyRelayToken } from './relay-token.js';
import { isRoostError } from '../domain/errors.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0, 250);

test('payload is the decimal expiry; signature is base64 HMAC-SHA256 keyed by SHA-256(secret)', () => {
  const token = generateRelayToken({ secret: 'relay-secret', ttlMs: 86_400_000, now: NOW });
  assert.equal(token.payload, String(Math.floor(NOW / 1000) + 86_400));
  assert.ok(token.payload.length >= 10);
  const key = createHash('sha256').update('relay-secret', 'utf8').digest();
  const expected = createHmac('sha256', key).update(token.payload, 'utf8').digest('base64');
  assert.equal(token.signature, expected);
  // Not keyed with the secret itself.
  assert.notEqual(token.signature, createHmac('sha256', 'relay-secret').update(token.payload).digest('base64'));
  assert.equal(Buffer.from(token.signature, 'base64').length, 32);
  assert.match(token.signature, /^[A-Za-z0-9+/]{43}=$/, 'standard padded base64');
});

test('an unset or zero TTL falls back to 12 h; a negative one is InvalidArgument', () => {
  for (const ttlMs of [undefined, 0]) {
    const { payload } = generateRelayToken({ secret: 's', ttlMs, now: NOW });
    assert.equal(Number(payload), Math.floor((NOW + DEFAULT_RELAY_TOKEN_TTL_MS) / 1000));
  }
  assert.throws(() => generateRelayToken({ secret: 's', ttlMs: -5, now: NOW }), (e: unknown) => isRoostError(e, 'InvalidArgument'));
});

test('the binary token a client builds carries the 32-byte MAC', () => {
  const token = generateRelayToken({ secret: 'relay-secret', ttlMs: 60_000, now: NOW });
  const wire = Buffer.concat([Buffer.from([0x01]), Buffer.from(token.signature, 'base64'), Buffer.from(token.payload)]);
  assert.equal(wire.length, 1 + 32 + token.payload.length);
  assert.equal(wire.subarray(33).toString(), token.payload);
});

test('verifyRelayToken checks the MAC and now ≤ expiry', () => {
  const token = generateRelayToken({ secret: 'relay-secret', ttlMs: 60_000, now: NOW });
  const expiryMs = Number(token.payload) * 1000;
  assert.equal(verifyRelayToken({ secret: 'relay-secret', ...token, now: NOW }), true);
  assert.equal(verifyRelayToken({ secret: 'relay-secret', ...token, now: expiryMs }), true);
  assert.equal(verifyRelayToken({ secret: 'relay-secret', ...token, now: expiryMs + 1 }), false, 'expired');
  assert.equal(verifyRelayToken({ secret: 'wrong', ...token, now: NOW }), false, 'wrong secret');
  assert.equal(verifyRelayToken({ secret: 'relay-secret', payload: String(Number(token.payload) + 1), signature: token.signature, now: NOW }), false, 'altered payload');
  assert.equal(verifyRelayToken({ secret: 'relay-secret', payload: token.payload, signature: token.signature.slice(0, -1), now: NOW }), false, 'bad base64');
  assert.equal(verifyRelayToken({ secret: 'relay-secret', payload: token.payload, signature: '', now: NOW }), false);
});

test('tokens minted alternately for two secrets at one instant each verify with their own secret only', () => {
  const now = 1_700_000_000_000;
  for (const [secret, other] of [['one', 'two'], ['two', 'one'], ['one', 'two']] as const) {
    const t = generateRelayToken({ secret, now });
    assert.equal(verifyRelayToken({ secret, payload: t.payload, signature: t.signature, now }), true, secret);
    assert.equal(verifyRelayToken({ secret: other, payload: t.payload, signature: t.signature, now }), false, other);
  }
});
