import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorKinds, RoostError } from '../domain/errors.js';
import { HTTP_STATUS_BY_KIND, httpFailureOf } from './errors.js';

test('every error kind has a status, as upstream maps its types', () => {
  const cases: [(typeof ErrorKinds)[number], number][] = [
    ['NotFound', 404],
    ['AlreadyExists', 409],
    ['InvalidArgument', 422],
    ['PermissionDenied', 403],
    ['Unauthenticated', 401],
    ['PreconditionFailed', 412],
    ['ResourceExhausted', 429],
    ['Unimplemented', 501],
    ['Unavailable', 503],
    ['Internal', 500],
  ];
  assert.equal(cases.length, ErrorKinds.length);
  for (const [kind, status] of cases) assert.equal(HTTP_STATUS_BY_KIND[kind], status, kind);
});

test('httpFailureOf keeps domain messages and hides internal ones', () => {
  const cases: [string, unknown, number, string, boolean][] = [
    ['not found', new RoostError('NotFound', 'group g not found'), 404, 'group g not found', false],
    ['invalid', new RoostError('InvalidArgument', 'bad name'), 422, 'bad name', false],
    ['unavailable', new RoostError('Unavailable', 'database unavailable'), 503, 'database unavailable', false],
    ['internal kind', new RoostError('Internal', 'db exploded at /var/lib/x'), 500, 'internal server error', true],
    ['plain error', new Error('secret detail'), 500, 'internal server error', true],
    ['a string', 'boom', 500, 'internal server error', true],
  ];
  for (const [name, err, status, message, unexpected] of cases) {
    assert.deepEqual(httpFailureOf(err), { status, body: { message, code: status }, unexpected }, name);
  }
});
