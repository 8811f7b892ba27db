import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notFound, permissionDenied, RoostError, unauthenticated } from '../../domain/errors.js';
import type { Account, User } from '../../domain/model.js';
import type { UserAuth } from '../../identity/index.js';
import { identifyJwtUser } from './identify-jwt-user.js';

const account = { id: 'a' } as Account;
const stored: User = {
  id: 'u', accountId: 'a', role: 'user', isServiceUser: false, name: 'n', email: 'e', autoGroups: ['jwt-group'],
  blocked: false, pendingApproval: false, issued: 'api', lastLogin: 100, createdAt: 0,
};
const auth = (over: Partial<UserAuth> = {}): UserAuth => ({
  userId: 'u', accountId: '', domain: '', domainCategory: '', lastLoginMs: undefined, invited: false, email: 'e', name: 'n', claims: {}, ...over,
});

/** Fakes recording the pipeline's steps in order. */
function deps(opts: { auth?: UserAuth; validate?: Error; resolve?: Error; reread?: Error } = {}) {
  const steps: string[] = [];
  return {
    steps,
    deps: {
      jwt: { validate: async (t: string) => (steps.push(`validate ${t}`), opts.validate ? Promise.reject(opts.validate) : (opts.auth ?? auth())) },
      resolveUser: async (a: UserAuth) => (steps.push(`resolve ${a.userId}`), opts.resolve ? Promise.reject(opts.resolve) : { user: { ...stored, autoGroups: [] }, account }),
      users: { get: async (accountId: string, id: string) => (steps.push(`get ${accountId}/${id}`), opts.reread ? Promise.reject(opts.reread) : stored) } as never,
    },
  };
}

const tokenInvalid = (e: unknown) => e instanceof RoostError && e.kind === 'Unauthenticated' && e.message === 'token invalid';

test('identifyJwtUser: validate → resolve → re-read; the re-read user is the caller', async () => {
  const d = deps();
  const caller = await identifyJwtUser(d.deps, 'jwt');
  assert.deepEqual(d.steps, ['validate jwt', 'resolve u', 'get a/u']);
  assert.equal(caller.user, stored, 'the user as stored after provisioning and groups sync');
  assert.equal(caller.account, account);
});

test('identifyJwtUser: every refusal of the pipeline is 401 token invalid and stops it', async () => {
  const cases: [string, Parameters<typeof deps>[0], string[]][] = [
    ['bad token', { validate: unauthenticated('token could not be parsed: x') }, ['validate jwt']],
    ['groups gate', { resolve: permissionDenied('user does not belong to any of the allowed JWT groups') }, ['validate jwt', 'resolve u']],
    ['user gone', { reread: notFound('user u not found') }, ['validate jwt', 'resolve u', 'get a/u']],
  ];
  for (const [name, opts, steps] of cases) {
    const d = deps(opts);
    await assert.rejects(identifyJwtUser(d.deps, 'jwt'), tokenInvalid, name);
    assert.deepEqual(d.steps, steps, name);
  }
  const outage = new RoostError('Unavailable', 'database unavailable');
  await assert.rejects(identifyJwtUser(deps({ resolve: outage }).deps, 'jwt'), (e) => e === outage, 'an outage is not the token\'s fault');
});

test('identifyJwtUser: no credential, or SSO not configured, is token invalid without a call', async () => {
  const d = deps();
  await assert.rejects(identifyJwtUser(d.deps, undefined), tokenInvalid);
  await assert.rejects(identifyJwtUser({ ...d.deps, jwt: undefined }, 'jwt'), tokenInvalid);
  await assert.rejects(identifyJwtUser({ ...d.deps, resolveUser: undefined }, 'jwt'), tokenInvalid);
  assert.deepEqual(d.steps, []);
});
