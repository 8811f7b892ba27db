import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internal, notFound, permissionDenied, RoostError, unauthenticated } from '../../domain/errors.js';
import { jwtRefusal } from './jwt-refusal.js';

test('jwtRefusal: token and provisioning refusals are 401 token invalid; outages and bugs keep their answer', () => {
  const invalid = { kind: 'Unauthenticated', message: 'token invalid' };
  const cases: [string, unknown, unknown][] = [
    ['bad signature', unauthenticated('token could not be parsed: token signature is invalid'), invalid],
    ['groups gate', permissionDenied('user does not belong to any of the allowed JWT groups'), invalid],
    ['user gone on re-read', notFound('user u not found'), invalid],
    ['empty user id', new RoostError('InvalidArgument', 'empty user ID in claims'), invalid],
    ['database down', new RoostError('Unavailable', 'database unavailable'), 'same'],
    ['internal', internal('boom'), 'same'],
    ['not a RoostError', new TypeError('x is undefined'), 'same'],
  ];
  for (const [name, err, want] of cases) {
    const got = jwtRefusal(err);
    if (want === 'same') assert.equal(got, err, name);
    else assert.deepEqual({ kind: (got as RoostError).kind, message: (got as RoostError).message }, want, name);
  }
});
