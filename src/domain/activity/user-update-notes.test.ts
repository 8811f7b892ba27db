import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { User } from '../model.js';
import { userUpdateNotes } from './user-update-notes.js';

const bob: User = {
  id: 'bob', accountId: 'acc', role: 'user', isServiceUser: false, name: 'Bob', email: 'bob@x', autoGroups: ['g1'],
  blocked: false, pendingApproval: false, issued: 'api', lastLogin: null, createdAt: 0,
};
const names = new Map([['g1', 'one'], ['g2', 'two']]);

test('userUpdateNotes: role, block, groups, owner transfer', () => {
  const cases: [Partial<User>, boolean, string[]][] = [
    [{}, false, []],
    [{ role: 'admin' }, false, ['UserRoleUpdated']],
    [{ role: 'owner' }, true, ['TransferredOwnerRole']],
    [{ blocked: true }, false, ['UserBlocked']],
    [{ autoGroups: ['g2'] }, false, ['GroupAddedToUser', 'GroupRemovedFromUser']],
  ];
  for (const [patch, transferred, want] of cases) {
    const notes = userUpdateNotes(bob, { ...bob, ...patch }, names, 'owner', transferred);
    assert.deepEqual(notes.map((n) => n.activity), want, JSON.stringify(patch));
  }
  assert.deepEqual(userUpdateNotes({ ...bob, blocked: true }, bob, names, 'o', false).map((n) => n.activity), ['UserUnblocked']);
  const [added] = userUpdateNotes(bob, { ...bob, autoGroups: ['g1', 'g2'] }, names, 'o', false);
  assert.deepEqual(added?.meta, { group: 'two', group_id: 'g2', is_service_user: false, user_name: '' });
});
