import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { DEFAULT_TURN_CREDENTIALS_TTL_MS, expiryUnixSeconds, generateTurnCredentials, verifyTurnCredentials } from './turn-credentials.js';
import { isRoostError } from '../domain/errors.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0, 789); // 1767268800.789 s

test('username is the decimal expiry in Unix seconds; password is base64 HMAC-SHA1 of it', () => {
  const { username, password } = generateTurnCredentials({ secret: 'turn-secret', ttlMs: 3_600_000, now: NOW });
  assert.equal(username, String(Math.floor(NOW / 1000) + 3600));
  assert.equal(username, '1767272400');
  const expected = createHmac('sha1', Buffer.from('turn-secret', 'utf8')).update(Buffer.from(username)).digest('base64');
  assert.equal(password, expected);
  assert.equal(Buffer.from(password, 'base64').length, 20);
  assert.match(password, /^[A-Za-z0-9+/]{27}=$/, 'standard padded base64');
});

test('an unset or zero TTL falls back to 12 h', () => {
  for (const ttlMs of [undefined, 0]) {
    const { username } = generateTurnCredentials({ secret: 's', ttlMs, now: NOW });
    assert.equal(Number(username), Math.floor((NOW + DEFAULT_TURN_CREDENTIALS_TTL_MS) / 1000));
  }
});

test('expiry rounds (now + ttl) down to whole seconds', () => {
  const table: ReadonlyArray<readonly [number, number, number]> = [
    [1_000, 1_000, 2],
    [1_999, 1, 2],
    [1_998, 1, 1],
    [0, 500, 0],
  ];
  for (const [now, ttl, want] of table) assert.equal(expiryUnixSeconds(now, ttl), want, `${now}+${ttl}`);
});

test('a negative or non-finite TTL is InvalidArgument', () => {
  for (const ttlMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => generateTurnCredentials({ secret: 's', ttlMs, now: NOW }), (e: unknown) => isRoostError(e, 'InvalidArgument'));
  }
});

test('verifyTurnCredentials accepts fresh credentials until expiry and rejects tampering', () => {
  const creds = generateTurnCredentials({ secret: 'turn-secret', ttlMs: 60_000, now: NOW });
  const expiryMs = Number(creds.username) * 1000;
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', ...creds, now: NOW }), true);
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', ...creds, now: expiryMs }), true);
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', ...creds, now: expiryMs + 1 }), false, 'expired');
  assert.equal(verifyTurnCredentials({ secret: 'other', ...creds, now: NOW }), false, 'wrong secret');
  const later = String(Number(creds.username) + 3600);
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', username: later, password: creds.password, now: NOW }), false, 'extended expiry');
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', username: `${creds.username}:user`, password: creds.password, now: NOW }), false);
  assert.equal(verifyTurnCredentials({ secret: 'turn-secret', username: creds.username, password: '', now: NOW }), false);
});

test('credentials minted alternately for two secrets at one instant each match their own secret', () => {
  const now = 1_700_000_000_000;
  for (const secret of ['one', 'two', 'one', 'one', 'two']) {
    const c = generateTurnCredentials({ secret, now });
    assert.equal(c.password, createHmac('sha1', secret).update(c.username).digest('base64'), secret);
  }
});
