import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../clock.js';
import { invalidArgument } from '../errors.js';
import type { User } from '../model.js';
import type { DomainTx } from '../transact.js';
import { createEmbeddedUserLifecycle, generatePassword, type LocalLogins } from './embedded-user-lifecycle.js';
import type { InviteStore, UserInvite } from './user-invite.js';
import type { UserService } from './user-service.js';

function fakes(opts: { failUserCreate?: boolean; inviteVanishes?: boolean } = {}) {
  const logins = new Map<string, string>();
  const invites = new Map<string, UserInvite>();
  const users: User[] = [];
  let n = 0;
  const loginPort: LocalLogins = {
    async create({ email }) {
      if ([...logins.values()].includes(email)) return undefined;
      const id = `login${++n}`;
      logins.set(id, email);
      return { id };
    },
    async remove(id) {
      logins.delete(id);
    },
    async changePassword() {
      return undefined;
    },
  };
  const inviteStore: InviteStore = {
    insert: async (i) => (invites.has(i.id) ? false : (invites.set(i.id, i), true)),
    list: async () => [...invites.values()],
    findById: async (_a, id) => invites.get(id),
    findByHashedToken: async (h) => [...invites.values()].find((i) => i.hashedToken === h),
    delete: async (_a, id) => !opts.inviteVanishes && invites.delete(id),
    replaceToken: async () => false,
  };
  const userService = {
    list: async () => users,
    get: async (_a: string, id: string) => users.find((u) => u.id === id)!,
    // The transaction as the real service runs it: the user is kept only if `alsoInTx` succeeds.
    create: async (accountId: string, input: { id?: string; email: string; name: string }, _by?: string, alsoInTx?: (tx: DomainTx) => Promise<void>) => {
      if (opts.failUserCreate) throw invalidArgument('group g1 not found');
      const u = { id: input.id!, accountId, email: input.email, name: input.name } as User;
      await alsoInTx?.({ invites: inviteStore } as unknown as DomainTx);
      users.push(u);
      return u;
    },
  } as unknown as UserService;
  const lifecycle = createEmbeddedUserLifecycle({ users: userService, logins: loginPort, invites: inviteStore, clock: new ManualClock(1000), ids: { next: () => `id${++n}` } });
  return { lifecycle, logins, invites, users };
}

test('generatePassword: 16 base62 characters', () => {
  assert.match(generatePassword(), /^[0-9A-Za-z]{16}$/);
  assert.equal(generatePassword(() => 10), 'A'.repeat(16));
});

test('a login whose NetBird user cannot be saved is removed', async () => {
  const f = fakes({ failUserCreate: true });
  await assert.rejects(f.lifecycle.addPerson('a1', { email: 'x@example.test', name: 'X', role: 'user', autoGroups: ['g1'], isServiceUser: false }), /group g1 not found/);
  assert.equal(f.logins.size, 0);
});

test('an accepted invite whose user cannot be saved keeps the invite and leaves no login', async () => {
  const ok = fakes();
  const { token } = await ok.lifecycle.createInvite('a1', 'u1', { email: 'y@example.test', name: 'Y', role: 'user', autoGroups: [] });
  const bad = fakes({ failUserCreate: true });
  for (const i of ok.invites.values()) await bad.invites.set(i.id, i);
  await assert.rejects(bad.lifecycle.acceptInvite(token, 'Str0ng pass!'), /group g1 not found/);
  assert.equal(bad.logins.size, 0);
  assert.equal(bad.invites.size, 1);
  await ok.lifecycle.acceptInvite(token, 'Str0ng pass!');
  assert.equal(ok.invites.size, 0);
  assert.deepEqual(ok.users.map((u) => u.email), ['y@example.test']);
});

test('a second login for the same e-mail is refused with the caller’s message', async () => {
  const f = fakes();
  const input = { email: 'z@example.test', name: 'Z', role: 'user' as const, autoGroups: [], isServiceUser: false };
  await f.lifecycle.addPerson('a1', input);
  await assert.rejects(f.lifecycle.addPerson('a2', input), /can't invite a user with an existing NetBird account/);
});

test('an invite deleted while it is accepted leaves no user and no login (one transaction)', async () => {
  const f = fakes({ inviteVanishes: true });
  const { token } = await f.lifecycle.createInvite('a1', 'u1', { email: 'v@example.test', name: 'V', role: 'user', autoGroups: [] });
  await assert.rejects(f.lifecycle.acceptInvite(token, 'Str0ng pass!'), /invite not found/);
  assert.equal(f.users.length, 0);
  assert.equal(f.logins.size, 0);
});
