import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportJWK, generateKeyPair } from 'jose';
import { JwkSet } from './jwk-set.js';

test('JwkSet.find: first usable entry with the same kid; no kid never matches', async () => {
  const rsa = await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey);
  const ec = await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey);
  const set = JwkSet.from({
    keys: [
      { kty: 'oct', kid: 'a', k: 'c2VjcmV0' },
      { ...rsa, kid: 'a' },
      { ...ec, kid: 'b' },
      { kty: 'RSA', kid: 'broken', e: 'AQAB' },
      { ...rsa },
      'not a key',
    ],
  });
  const cases: [unknown, string][] = [
    ['a', 'rsa'],
    ['b', 'ec'],
    ['broken', 'broken'],
    ['c', 'missing'],
    [undefined, 'missing'],
    [7, 'missing'],
  ];
  for (const [kid, want] of cases) {
    const r = set.find(kid);
    const got = 'found' in r ? r.found.kind.type : 'broken' in r ? 'broken' : 'missing';
    assert.equal(got, want, String(kid));
  }
});

test('JwkSet.from: a key set or nothing', () => {
  assert.equal(JwkSet.from({}).size, 0);
  assert.equal(JwkSet.from({ keys: null }).size, 0);
  for (const bad of [null, [], 'keys', { keys: {} }]) assert.throws(() => JwkSet.from(bad), /JWKS/, JSON.stringify(bad));
});
