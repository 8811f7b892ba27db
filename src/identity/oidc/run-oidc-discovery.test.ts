import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_AUTH, type AuthSettings } from '../../config/config.js';
import { isRoostError } from '../../domain/errors.js';
import { runOidcDiscovery } from './run-oidc-discovery.js';

const URL_ = 'https://idp.example/.well-known/openid-configuration';
const auth: AuthSettings = { ...NO_AUTH, http: { ...NO_AUTH.http, oidcConfigEndpoint: URL_, authIssuer: 'old' } };
const answering = (status: number, body: string): typeof fetch => {
  const calls: string[] = [];
  const f = (async (url: string | URL | Request) => {
    calls.push(String(url));
    return new Response(body, { status });
  }) as typeof fetch;
  return Object.assign(f, { calls });
};

test('runOidcDiscovery: without an endpoint nothing is fetched', async () => {
  const f = answering(500, '');
  assert.equal(await runOidcDiscovery(NO_AUTH, { fetch: f }), NO_AUTH);
  assert.deepEqual((f as unknown as { calls: string[] }).calls, []);
});

test('runOidcDiscovery: one GET of the endpoint; its fields are applied', async () => {
  const f = answering(200, JSON.stringify({ issuer: 'https://idp.example', jwks_uri: 'https://idp.example/keys', extra: [1] }));
  const out = await runOidcDiscovery(auth, { fetch: f });
  assert.deepEqual((f as unknown as { calls: string[] }).calls, [URL_]);
  assert.equal(out.http.authIssuer, 'https://idp.example');
  assert.equal(out.http.authKeysLocation, 'https://idp.example/keys');
});

test('runOidcDiscovery: every failure rejects with a message naming the endpoint', async () => {
  const cases: [string, typeof fetch, RegExp][] = [
    ['transport error', (async () => { throw new TypeError('fetch failed'); }) as typeof fetch, /fetch failed/],
    ['non-200', answering(404, 'nope'), /status 404: nope/],
    ['201 is not 200', answering(201, '{}'), /status 201/],
    ['bad JSON', answering(200, '{"issuer":'), /not JSON/],
    ['not an object', answering(200, '[]'), /not a JSON object/],
    ['a field of the wrong type', answering(200, '{"issuer": 5}'), /"issuer" is not a string/],
  ];
  for (const [name, f, re] of cases) {
    await assert.rejects(runOidcDiscovery(auth, { fetch: f }), (e: unknown) => isRoostError(e) && e.message.includes(URL_) && re.test(e.message), name);
  }
});
