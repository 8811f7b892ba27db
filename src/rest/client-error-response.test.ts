import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientErrorFailure, clientErrorResponse } from './client-error-response.js';

test('clientErrorFailure: header overflow 431, timeout 408, anything else 400', () => {
  const cases: [string | undefined, number, string][] = [
    ['HPE_HEADER_OVERFLOW', 431, 'request header fields too large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request timeout'],
    ['HPE_INVALID_METHOD', 400, 'bad request'],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 400, 'bad request'],
    [undefined, 400, 'bad request'],
  ];
  for (const [code, status, message] of cases) assert.deepEqual(clientErrorFailure(code === undefined ? {} : { code }), { status, message }, String(code));
});

test('clientErrorResponse is a complete HTTP/1.1 answer with the API error body', () => {
  const raw = clientErrorResponse({ code: 'HPE_HEADER_OVERFLOW' });
  const [head, body] = raw.split('\r\n\r\n') as [string, string];
  const lines = head.split('\r\n');
  assert.equal(lines[0], 'HTTP/1.1 431 Request Header Fields Too Large');
  assert.ok(lines.includes('Content-Type: application/json'));
  assert.ok(lines.includes('Connection: close'));
  assert.ok(lines.includes(`Content-Length: ${Buffer.byteLength(body)}`));
  assert.deepEqual(JSON.parse(body), { message: 'request header fields too large', code: 431 });
});
