import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actualRequestHeaders, canonicalHeaderList, isPreflight, preflightHeaders } from './cors-headers.js';

const VARY_ALL = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

test('isPreflight: OPTIONS with a requested method', () => {
  assert.equal(isPreflight('OPTIONS', { 'access-control-request-method': 'POST' }), true);
  assert.equal(isPreflight('OPTIONS', {}), false);
  assert.equal(isPreflight('OPTIONS', { 'access-control-request-method': '' }), false);
  assert.equal(isPreflight('GET', { 'access-control-request-method': 'POST' }), false);
});

test('canonicalHeaderList lists names in canonical form', () => {
  const cases: [string, string[]][] = [
    ['authorization, content-type', ['Authorization', 'Content-Type']],
    ['AUTHORIZATION,X-REQUESTED-WITH', ['Authorization', 'X-Requested-With']],
    ['x_custom_id  x.dotted', ['X_Custom_Id', 'X.dotted']],
    ['bad(name), ,', ['Badname']],
    ['', []],
  ];
  for (const [input, want] of cases) assert.deepEqual(canonicalHeaderList(input), want, input);
});

test('preflightHeaders: the requested method and headers are granted to any origin', () => {
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    ['full', { origin: 'https://app.example', 'access-control-request-method': 'put', 'access-control-request-headers': 'authorization,content-type' }, {
      vary: VARY_ALL, 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'Authorization, Content-Type',
    }],
    ['no headers requested', { origin: 'o', 'access-control-request-method': 'DELETE' }, { vary: VARY_ALL, 'access-control-allow-origin': '*', 'access-control-allow-methods': 'DELETE' }],
    ['no origin', { 'access-control-request-method': 'GET' }, { vary: VARY_ALL }],
    ['method not allowed', { origin: 'o', 'access-control-request-method': 'TRACE' }, { vary: VARY_ALL }],
    ['OPTIONS always allowed', { origin: 'o', 'access-control-request-method': 'OPTIONS' }, { vary: VARY_ALL, 'access-control-allow-origin': '*', 'access-control-allow-methods': 'OPTIONS' }],
  ];
  for (const [name, headers, want] of cases) assert.deepEqual(preflightHeaders(headers), want, name);
});

test('actualRequestHeaders: Vary always, the grant only with an Origin', () => {
  assert.deepEqual(actualRequestHeaders('GET', { origin: 'https://app.example' }), { vary: 'Origin', 'access-control-allow-origin': '*' });
  assert.deepEqual(actualRequestHeaders('GET', {}), { vary: 'Origin' });
  assert.deepEqual(actualRequestHeaders('PROPFIND', { origin: 'o' }), { vary: 'Origin' });
});
