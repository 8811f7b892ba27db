/** The invite links' storage (migration 0007) on both engines: one per e-mail, found by token hash, re-tokened, deleted once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UserInvite } from '../../src/domain/users/user-invite.js';
import { storeEngines } from '../conformance/store-engines.js';

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
