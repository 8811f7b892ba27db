import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group } from '../../domain/model.js';
import { groupsContaining, toApiGroup, toApiGroupMinimum } from './group.js';

const g = (id: string, peers: string[], issued: Group['issued'] = 'api'): Group => ({ id, accountId: 'a', name: id.toUpperCase(), issued, peers });

test('toApiGroupMinimum counts members', () => {
  assert.deepEqual(toApiGroupMinimum(g('dev', ['p1', 'p2'], 'jwt')), { id: 'dev', name: 'DEV', peers_count: 2, resources_count: 0, issued: 'jwt' });
});

test('toApiGroup names members and skips unknown or repeated IDs', () => {
  const peers = [{ id: 'p1', name: 'one' }, { id: 'p2', name: 'two' }];
  assert.deepEqual(toApiGroup(g('dev', ['p2', 'gone', 'p2']), peers), {
    id: 'dev', name: 'DEV', peers_count: 1, resources_count: 0, issued: 'api', peers: [{ id: 'p2', name: 'two' }], resources: [],
  });
  assert.deepEqual(toApiGroup(g('empty', []), peers).peers, []);
});

test('groupsContaining lists the groups of one peer', () => {
  const groups = [g('all', ['p1', 'p2']), g('dev', ['p2']), g('ops', [])];
  assert.deepEqual(groupsContaining(groups, 'p2').map((x) => x.id), ['all', 'dev']);
  assert.deepEqual(groupsContaining(groups, 'p9'), []);
});
