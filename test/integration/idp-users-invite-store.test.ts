/** The invite links' storage (migration 0007) on both engines: one per e-mail, found by token hash, re-tokened, deleted once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UserInvite } from '../../src/domain/users/user-invite.js';
import { storeEngines } from '../conformance/store-engines.js';
import { ensureDefaultAccount } from '../../src/domain/accounts/ensure-default-account.js';
import { InProcessChangeBus } from '../../src/domain/change-bus.js';
import { systemClock } from '../../src/domain/clock.js';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { createEmbeddedUserLifecycle } from '../../src/domain/users/embedded-user-lifecycle.js';
import { createUserService } from '../../src/domain/users/user-service.js';
import { LocalUsers } from '../../src/idp/local-users.js';

for (const engine of await storeEngines('idpinvites')) {
  test(`${engine.name}: user_invites`, { skip: engine.skip }, async (t) => {
    const store = await engine.open();
    t.after(() => engine.cleanup());
    const invite: UserInvite = { id: 'i1', accountId: 'a1', email: 'a@example.test', name: 'A', role: 'user', autoGroups: ['g1', 'g2'], hashedToken: 'h1', expiresAtMs: 5000, createdAtMs: 1000, createdBy: 'u1' };
    assert.equal(await store.invites.insert(invite), true);
    assert.equal(await store.invites.insert({ ...invite, id: 'i2', hashedToken: 'h2' }), false, 'one invite per e-mail');
    assert.equal(await store.invites.insert({ ...invite, id: 'i3', accountId: 'a2', hashedToken: 'h3' }), true, 'per account');
    assert.deepEqual(await store.invites.findByHashedToken('h1'), invite);
    assert.deepEqual(await store.invites.list('a1'), [invite]);
    assert.equal(await store.invites.findById('a2', 'i1'), undefined);
    assert.equal(await store.invites.replaceToken('a1', 'i1', 'h9', 9000), true);
    assert.equal(await store.invites.findByHashedToken('h1'), undefined);
    assert.equal((await store.invites.findById('a1', 'i1'))?.expiresAtMs, 9000);
    assert.equal(await store.invites.replaceToken('a1', 'nope', 'hx', 1), false);
    assert.equal(await store.invites.delete('a2', 'i1'), false, 'another account cannot delete it');
    assert.equal(await store.invites.delete('a1', 'i1'), true);
    assert.equal(await store.invites.delete('a1', 'i1'), false);
    assert.deepEqual(await store.invites.list('a1'), []);
  });
}

/**
 * Acceptance on the real store (IDENTITY.md §5.2): the NetBird user and the invite's removal
 * commit together. A user that cannot be saved (its auto-group deleted meanwhile) keeps the
 * invite and leaves no login; an invite gone before the transaction leaves no user; of two
 * acceptances racing exactly one person is made.
 */
for (const engine of await storeEngines('idpinviteaccept')) {
  test(`${engine.name}: accepting an invite is one transaction`, { skip: engine.skip }, async (t) => {
    const store = await engine.open();
    t.after(() => engine.cleanup());
    const deps = { store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
    const { account, owner } = await ensureDefaultAccount(deps);
    const logins = new LocalUsers({ repo: store.idp, clock: systemClock });
    const users = createUserService(deps);
    const lifecycle = createEmbeddedUserLifecycle({ users, logins, invites: store.invites, clock: systemClock, ids: xidGenerator });
    const password = 'Str0ng pass!';

    // The transaction-bound invite repository rolls back with the transaction.
    const { invite: first, token: firstToken } = await lifecycle.createInvite(account.id, owner.id, { email: 'one@example.test', name: 'One', role: 'user', autoGroups: [] });
    await assert.rejects(store.withTx(async (tx) => {
      assert.equal(await tx.invites.delete(account.id, first.id), true);
      throw new Error('roll back');
    }), /roll back/);
    assert.ok(await store.invites.findById(account.id, first.id), 'the delete was rolled back');

    // The user cannot be saved: invite kept, no login, no user.
    const group = await createGroupService(deps).create(account.id, { name: 'Doomed', peers: [] });
    const { token: doomedToken } = await lifecycle.createInvite(account.id, owner.id, { email: 'two@example.test', name: 'Two', role: 'user', autoGroups: [group.id] });
    await createGroupService(deps).delete(account.id, group.id);
    await assert.rejects(lifecycle.acceptInvite(doomedToken, password), /not found/);
    assert.equal((await lifecycle.inviteInfo(doomedToken)).email, 'two@example.test');
    assert.equal(await store.idp.findUserByEmail('two@example.test'), undefined);
    assert.ok(!(await users.list(account.id)).some((u) => u.email === 'two@example.test'));

    // Two acceptances at once: one user, the invite gone, one login.
    const results = await Promise.allSettled([lifecycle.acceptInvite(firstToken, password), lifecycle.acceptInvite(firstToken, password)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => r.status)));
    assert.equal((await users.list(account.id)).filter((u) => u.email === 'one@example.test').length, 1);
    assert.equal(await store.invites.findById(account.id, first.id), undefined);
    const login = await store.idp.findUserByEmail('one@example.test');
    assert.ok(login && (await users.get(account.id, login.id)), 'the user is the login');
  });
}
