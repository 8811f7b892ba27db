import { test } from 'node:test';
import assert from 'node:assert/strict';
import { algorithmFitsKey } from './algorithm-fits-key.js';
import type { KeyKind } from './public-key-from-jwk.js';

test('algorithmFitsKey: RS/PS with RSA, ES with the matching curve, nothing else', () => {
  const rsa: KeyKind = { type: 'rsa' };
  const p256: KeyKind = { type: 'ec', curve: 'P-256' };
  const p384: KeyKind = { type: 'ec', curve: 'P-384' };
  const p521: KeyKind = { type: 'ec', curve: 'P-521' };
  const cases: [unknown, KeyKind, boolean][] = [
    ['RS256', rsa, true], ['RS384', rsa, true], ['RS512', rsa, true],
    ['PS256', rsa, true], ['PS384', rsa, true], ['PS512', rsa, true],
    ['ES256', p256, true], ['ES384', p384, true], ['ES512', p521, true],
    ['ES256', p384, false], ['ES512', p256, false], ['ES256', rsa, false], ['RS256', p256, false],
    ['HS256', rsa, false], ['HS256', p256, false], ['none', rsa, false], ['EdDSA', rsa, false],
    ['rs256', rsa, false], [undefined, rsa, false], [256, rsa, false],
  ];
  for (const [alg, kind, want] of cases) assert.equal(algorithmFitsKey(alg, kind), want, `${String(alg)} with ${JSON.stringify(kind)}`);
});
