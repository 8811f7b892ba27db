import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internal, notFound, permissionDenied, RoostError, unauthenticated } from '../domain/errors.js';
import { jwtLoginError, type JwtLoginStage } from './jwt-login-error.js';

test('jwtLoginError: the code and words a Login answers for each failed JWT step', () => {
  const cases: [string, JwtLoginStage, unknown, string][] = [
    ['expired token', 'validate', unauthenticated('token could not be parsed: token has invalid claims: token is expired'), 'InvalidArgument: invalid jwt token, err: token could not be parsed: token has invalid claims: token is expired'],
    ['empty token', 'validate', unauthenticated('required authorization token not found'), 'InvalidArgument: invalid jwt token, err: required authorization token not found'],
    ['allow-groups gate', 'resolve', permissionDenied('user does not belong to any of the allowed JWT groups'), 'PermissionDenied: user does not belong to any of the allowed JWT groups'],
    ['database down', 'resolve', new RoostError('Unavailable', 'the database is unavailable, please try again later'), 'Unavailable: the database is unavailable, please try again later'],
    ['account hint mismatch', 'resolve', unauthenticated('user u is not part of the account id x'), 'Internal: unable to fetch account with claims, err: user u is not part of the account id x'],
    ['missing account', 'resolve', notFound('account a not found'), 'Internal: unable to fetch account with claims, err: account a not found'],
    ['unknown error', 'resolve', new Error('boom'), 'Internal: unable to fetch account with claims, err: boom'],
    ['internal', 'resolve', internal('x'), 'Internal: unable to fetch account with claims, err: x'],
  ];
  for (const [name, stage, err, want] of cases) {
    const got = jwtLoginError(stage, err);
    assert.equal(`${got.kind}: ${got.message}`, want, name);
  }
});
