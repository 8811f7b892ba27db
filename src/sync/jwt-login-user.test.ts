import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError, permissionDenied, unauthenticated } from '../domain/errors.js';
import type { User } from '../domain/model.js';
import type { AuthClaims } from '../domain/users/auth-claims.js';
import { jwtLoginUser, type JwtLoginPorts } from './jwt-login-user.js';

const auth = { userId: 'alice' } as AuthClaims;
const alice = { id: 'alice' } as User;

/** Ports whose steps fail the first `failures` times with `err`, recording calls and waits. */
function ports(step: 'validate' | 'resolve', failures: number, err: Error) {
  const calls: string[] = [];
  let left = failures;
  const fail = <T>(name: string, ok: T): Promise<T> => {
    calls.push(name);
    if (name === step && left > 0) {
      left--;
      return Promise.reject(err);
    }
    return Promise.resolve(ok);
  };
  const p: JwtLoginPorts = { validate: () => fail('validate', auth), resolve: () => fail('resolve', { user: alice }) };
  return { p, calls };
}

test('jwtLoginUser: up to 3 tries 200 ms apart, the last failure worded for Login', async () => {
  const cases: [string, 'validate' | 'resolve', number, Error, string, number[]][] = [
    ['first try works', 'validate', 0, new Error(), 'alice', []],
    ['keys caught up on the second try', 'validate', 1, unauthenticated('token could not be parsed: x'), 'alice', [200]],
    ['provisioning raced, third try works', 'resolve', 2, new Error('conflict'), 'alice', [200, 200]],
    ['bad token every time', 'validate', 3, unauthenticated('token could not be parsed: x'), 'InvalidArgument: invalid jwt token, err: token could not be parsed: x', [200, 200]],
    ['gate every time', 'resolve', 3, permissionDenied('user does not belong to any of the allowed JWT groups'), 'PermissionDenied: user does not belong to any of the allowed JWT groups', [200, 200]],
  ];
  for (const [name, step, failures, err, want, waits] of cases) {
    const { p, calls } = ports(step, failures, err);
    const slept: number[] = [];
    const got = await jwtLoginUser(p, 'tok', { peerKey: 'k', sleep: async (ms) => void slept.push(ms) }).then(
      (u) => u.id,
      (e: unknown) => (isRoostError(e) ? `${e.kind}: ${e.message}` : String(e)),
    );
    assert.equal(got, want, name);
    assert.deepEqual(slept, waits, `${name}: waits`);
    assert.equal(calls.filter((c) => c === 'validate').length, Math.min(failures + 1, 3), `${name}: tries`);
  }
});
