/**
 * Refusals made below the routes, through a real listening socket (`inject()` bypasses Node's
 * HTTP parser): headers or URL too large (431), a path parameter too long (414), a malformed
 * URL or request line (400), a body too large (413), an unreadable body (400) or content type
 * (415) — every one answered with the API's `{message, code}` body. Also CORS as a browser
 * sees it on the wire.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { storeEngines } from '../conformance/store-engines.js';
import { openRestFixture, type RestFixture } from './rest-fixture.js';

const SQLITE = (await storeEngines('restedge')).find((e) => e.name === 'sqlite')!;
const DEADLINE_MS = 10_000;

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Writes `request` as is and reads the answer until the server closes the connection. */
function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    const deadline = setTimeout(() => socket.destroy(new Error(`no complete answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err) => {
      // The server may reset after answering (it stops reading an oversized request); what it answered counts.
      if (chunks.length === 0) reject(err);
    });
    socket.on('close', () => {
      clearTimeout(deadline);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('REST edge errors over a socket', { skip: SQLITE.skip }, () => {
  let f: RestFixture;
  let port: number;
  let auth: string;
  before(async () => {
    f = await openRestFixture(SQLITE);
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    port = (f.app.server.address() as AddressInfo).port;
    auth = `Authorization: Token ${f.main.token}\r\n`;
  });
  after(() => f?.close());

  const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: roost\r\n${auth}${extra}Connection: close\r\n\r\n`;
  const post = (body: string, extra = '') =>
    `POST /api/groups HTTP/1.1\r\nHost: roost\r\n${auth}${extra}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

  test('every refusal below the routes uses the API error body', async () => {
    const cases: [string, () => string, number, string][] = [
      ['header too large', () => get('/api/groups', `X-Padding: ${'p'.repeat(20_000)}\r\n`), 431, 'request header fields too large'],
      ['URL too large for the parser', () => get(`/api/groups/${'g'.repeat(20_000)}`), 431, 'request header fields too large'],
      ['path parameter too long', () => get(`/api/groups/${'g'.repeat(200)}`), 414, 'URI too long'],
      ['malformed URL encoding', () => get('/api/groups/%zz'), 400, 'malformed URL'],
      ['malformed request line', () => 'HELLO\r\n\r\n', 400, 'bad request'],
      ['length and chunked together', () => `POST /api/groups HTTP/1.1\r\nHost: roost\r\n${auth}Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400, 'bad request'],
      ['body too large', () => `POST /api/groups HTTP/1.1\r\nHost: roost\r\n${auth}Content-Type: application/json\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n{"name":`, 413, 'Request body is too large'],
      ['unparsable JSON', () => post('{"name":', 'Content-Type: application/json\r\n'), 400, "couldn't parse JSON request"],
      ['unreadable content type', () => post('{}', 'Content-Type: ;;;\r\n'), 415, 'Unsupported Media Type'],
      ['no route', () => get('/api/nothing'), 404, 'not found'],
    ];
    for (const [name, request, status, message] of cases) {
      const res = await rawRequest(port, request());
      assert.equal(res.status, status, `${name}: ${res.body}`);
      assert.match(res.headers['content-type'] ?? '', /^application\/json/, name);
      assert.deepEqual(JSON.parse(res.body), { message, code: status }, name);
    }
    assert.deepEqual((await f.services.groups.list(f.main.accountId)).map((g) => g.name), ['All'], 'nothing was created');
  });

  test('CORS on the wire: preflight without a token, the grant on answers, nothing on unknown paths', async () => {
    const preflight = await rawRequest(port, 'OPTIONS /api/peers/p1 HTTP/1.1\r\nHost: roost\r\nOrigin: https://dash.example\r\n'
      + 'Access-Control-Request-Method: DELETE\r\nAccess-Control-Request-Headers: authorization\r\nConnection: close\r\n\r\n');
    assert.equal(preflight.status, 200);
    assert.equal(preflight.body, '');
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-methods'], 'DELETE');
    assert.equal(preflight.headers['access-control-allow-headers'], 'Authorization');
    const answer = await rawRequest(port, get('/api/groups', 'Origin: https://dash.example\r\n'));
    assert.deepEqual([answer.status, answer.headers['access-control-allow-origin'], answer.headers['vary']], [200, '*', 'Origin']);
    const unknown = await rawRequest(port, 'OPTIONS /api/nothing HTTP/1.1\r\nHost: roost\r\nOrigin: https://dash.example\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers['access-control-allow-origin'], undefined);
  });

  test('no unexpected error was logged', () => {
    assert.deepEqual(f.logged, []);
  });
});
