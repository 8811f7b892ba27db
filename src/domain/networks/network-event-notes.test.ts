import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group, NetworkResource, NetworkRouter, ResourceNetwork } from '../model.js';
import { networkDeleteNotes, resourceGroupNotes, routerEventMeta } from './network-event-notes.js';

const net: ResourceNetwork = { id: 'n1', accountId: 'a', name: 'HQ', description: '' };
const groups: Group[] = ['g1', 'g2', 'g3'].map((id) => ({ id, accountId: 'a', name: `name-${id}`, issued: 'api', peers: [] }));
const resource = (id: string, networkId: string, grp: string[]): NetworkResource => ({
  id, accountId: 'a', networkId, name: id, description: '', type: 'host', prefix: '10.0.0.1/32', domain: '', enabled: true, groups: grp,
});
const router = (id: string, networkId: string, peer: string, peerGroups: string[]): NetworkRouter => ({
  id, accountId: 'a', networkId, peer, peerGroups, masquerade: true, metric: 1, enabled: true,
});

test('resourceGroupNotes: joins first, then leaves, each aimed at the group with the resource as it is now', () => {
  const cases: [string[], string[], [string, string][]][] = [
    [[], ['g1', 'g2'], [['ResourceAddedToGroup', 'g1'], ['ResourceAddedToGroup', 'g2']]],
    [['g1', 'g2'], ['g2', 'g3'], [['ResourceAddedToGroup', 'g3'], ['ResourceRemovedFromGroup', 'g1']]],
    [['g1'], ['g1'], []],
    [['g1', 'g3'], [], [['ResourceRemovedFromGroup', 'g1'], ['ResourceRemovedFromGroup', 'g3']]],
  ];
  for (const [before, after, want] of cases) {
    const notes = resourceGroupNotes(before, resource('r', 'n1', after), groups, 'u');
    assert.deepEqual(notes.map((n) => [n.activity, n.targetId]), want, `${before} → ${after}`);
    for (const n of notes) {
      assert.equal(n.initiatorId, 'u');
      assert.deepEqual(n.meta, { name: `name-${n.targetId}`, id: n.targetId, resource_name: 'r', resource_id: 'r', resource_type: 'host' });
    }
  }
});

test('routerEventMeta: a peer router has null peer groups, a group router its list', () => {
  assert.deepEqual(routerEventMeta(router('x', 'n1', 'p1', []), net), { network_name: 'HQ', network_id: 'n1', peer: 'p1', peer_groups: null });
  assert.deepEqual(routerEventMeta(router('x', 'n1', '', ['g1']), net), { network_name: 'HQ', network_id: 'n1', peer: '', peer_groups: ['g1'] });
});

test("networkDeleteNotes: the network's resources (group exits first), its routers, then itself; others untouched", () => {
  const held = {
    resources: [resource('r1', 'n1', ['g1', 'g2']), resource('other', 'n2', ['g1']), resource('r2', 'n1', [])],
    routers: [router('o1', 'n1', 'p1', []), router('o2', 'n2', 'p1', [])],
    groups,
  };
  const notes = networkDeleteNotes(net, held, 'u');
  assert.deepEqual(notes.map((n) => [n.activity, n.targetId]), [
    ['ResourceRemovedFromGroup', 'g1'],
    ['ResourceRemovedFromGroup', 'g2'],
    ['NetworkResourceDeleted', 'r1'],
    ['NetworkResourceDeleted', 'r2'],
    ['NetworkRouterDeleted', 'o1'],
    ['NetworkDeleted', 'n1'],
  ]);
  assert.ok(notes.every((n) => n.initiatorId === 'u'));
  assert.deepEqual(notes[2]!.meta, { name: 'r1', type: 'host', network_name: 'HQ', network_id: 'n1' });
  assert.deepEqual(notes[5]!.meta, { name: 'HQ' });
});
