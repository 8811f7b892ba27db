import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { publicKeyFromJwk } from './public-key-from-jwk.js';

/** Self-signed test certificates (public parts only): CN=roost-test (RSA 2048), CN=roost-test-ec (P-256). */
const RSA_CERT = 'MIIDDTCCAfWgAwIBAgIUZwbmEya9g3Za/iv5/pi4Ia4MAw0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAwwKcm9vc3QtdGVzdDAgFw0yNjEyMDMxMDIwMjhaGA8yMTI2MTEwOTEwMjAyOFowFTETMBEGA1UEAwwKcm9vc3QtdGVzdDCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBALnEnHQ35qaXTNafOf6j/SuUYKKVxZxdp0foC3q+OZ/r20SqEW8UgzAb6/Iv3dqVoyTH86aqfv3BdfJaiTq7stB6bsCrWsSCEhgGfcpNb7x4Y3qw8MKNeQ/WnmFf3oLeRxu0gVGHA7QYOcri7Re1THH4NwN6sdeFAu2NF+wgyxoB0JpGtc91dXtOCIR0Wpbavt3WRDSGW8xVy0/LgE6lwRUsa81j87v6AiHp+39wR50nzorr4degdPmxePCGFKnKBLJFNjnZT8+OhwBSTFWLmYfjlug6xI97f1jgFnAtcJpazGoZyldAC/d1T7FNjJy2WFvZRSGOQUl3KXCX/FVlfVECAwEAAaNTMFEwHQYDVR0OBBYEFI7vaXjjodjdhEDDObmDf71umvrkMB8GA1UdIwQYMBaAFI7vaXjjodjdhEDDObmDf71umvrkMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAALoT5orl9/ZjIEIsA1neeEsOv6UePhwqwbsm7I1mYob3qEYXhnvTnccrXksbSobH9cU4eza6Jx6zY/osqgPptVgDpponVygLQu/z9cdzwwBd0OimAeHA2sUL3XQABb77UlUxkvR3rc2myWPIagmJJ23qhJN5RR4CVqYnk5PJHYZM3xmmtTmG0i/FfmA7HMDtHKV10t0bXIr8sqOcKAJk9SBunrQkn1cSvRuVztvfbFcl81V3jkVJL2M72iGYFtkNG1+l1vL5Lrz2jSagsiO+RFsaZEwzaXBGG5JXPzbFcKCXmEMdpVN8eyt10VJVxZB+9BUR+A5S/pNu2cai6vWQlI=';
const EC_CERT = 'MIIBhjCCAS2gAwIBAgIUcS+RsnyM0zCTr2du7zMeYlgK1AswCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNcm9vc3QtdGVzdC1lYzAgFw0yNjEyMDMxMDIwMjhaGA8yMTI2MTEwOTEwMjAyOFowGDEWMBQGA1UEAwwNcm9vc3QtdGVzdC1lYzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKckXmBAUEgRy9HbE4QXRa0FH7FbukVSxo1qkS2TLJUL24DaC4dpR8G0cO6IQIwAEBWk2DYxfusAftESNB0wrESjUzBRMB0GA1UdDgQWBBQ50ySAQbsM2hCSDfMou79OE9FwfjAfBgNVHSMEGDAWgBQ50ySAQbsM2hCSDfMou79OE9FwfjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIEqw+X98XUEfHZ0XaL2V3nw0zNKZTuGk8onR641CujJFAiB6Qcy0kWARpAxdyBVrtM2+jvZCWGMFmJMV8f9q7F+U8g==';

test('publicKeyFromJwk reads RSA and EC parameters, ignoring use and alg', async () => {
  const rsa = await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey);
  const cases: [string, Record<string, unknown>, unknown][] = [
    ['RSA', rsa, { type: 'rsa' }],
    ['RSA with use enc and another alg', { ...rsa, use: 'enc', alg: 'RSA-OAEP' }, { type: 'rsa' }],
    ['P-256', await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey), { type: 'ec', curve: 'P-256' }],
    ['P-384', await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey), { type: 'ec', curve: 'P-384' }],
    ['P-521', await exportJWK((await generateKeyPair('ES512', { extractable: true })).publicKey), { type: 'ec', curve: 'P-521' }],
    ['RSA from x5c (parameters ignored)', { kty: 'RSA', x5c: [RSA_CERT], n: 'ignored', e: 'AQAB' }, { type: 'rsa' }],
    ['EC from x5c', { kty: 'EC', x5c: [EC_CERT] }, { type: 'ec', curve: 'P-256' }],
  ];
  for (const [name, jwk, kind] of cases) assert.deepEqual(publicKeyFromJwk(jwk)?.kind, kind, name);
  const fromCert = publicKeyFromJwk({ kty: 'RSA', x5c: [RSA_CERT] })!.key;
  assert.ok(fromCert.equals(new X509Certificate(Buffer.from(RSA_CERT, 'base64')).publicKey));
});

test('publicKeyFromJwk: key types that never verify are skipped, broken keys explain why', async () => {
  const ed = await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).publicKey);
  assert.equal(publicKeyFromJwk(ed), undefined, 'OKP');
  assert.equal(publicKeyFromJwk({ kty: 'oct', k: 'c2VjcmV0' }), undefined, 'oct');
  const broken: [string, Record<string, unknown>, RegExp][] = [
    ['RSA without n', { kty: 'RSA', e: 'AQAB' }, /"n" missing/],
    ['EC without y', { kty: 'EC', crv: 'P-256', x: 'AA' }, /"y" missing/],
    ['EC on an unsupported curve', { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' }, /invalid EC key/],
    ['EC point not on the curve', { kty: 'EC', crv: 'P-256', x: 'AQ', y: 'AQ' }, /invalid EC key/],
    ['x5c not a certificate', { kty: 'RSA', x5c: ['bm90IGEgY2VydA=='] }, /parse x5c certificate/],
    ['x5c holding another key type', { kty: 'RSA', x5c: [EC_CERT] }, /not an RSA key/],
  ];
  for (const [name, jwk, re] of broken) assert.throws(() => publicKeyFromJwk(jwk), re, name);
});
