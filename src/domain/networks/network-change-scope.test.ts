import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group, NetworkResource, NetworkRouter, Policy, PolicyRule } from '../model.js';
import { networkChangeScope, peersReachingNetwork, type NetworkState } from './network-change-scope.js';

const group = (id: string, peers: string[]): Group => ({ id, accountId: 'a', name: id, issued: 'api', peers });
const rule = (over: Partial<PolicyRule>): PolicyRule => ({
  id: 'r', policyId: 'pol', name: 'r', description: '', enabled: true, action: 'accept', sources: [], destinations: [], sourceResource: null,
  destinationResource: null, bidirectional: false, protocol: 'all', ports: [], portRanges: [], authorizedGroups: {}, authorizedUser: '', ...over,
});
const policy = (id: string, rules: PolicyRule[]): Policy => ({ id, accountId: 'a', name: id, description: '', enabled: true, sourcePostureChecks: [], rules });
const resource = (id: string, networkId: string, groups: string[]): NetworkResource => ({
  id, accountId: 'a', networkId, name: id, description: '', type: 'subnet', prefix: '10.0.0.0/24', domain: '', enabled: true, groups,
});
const router = (id: string, networkId: string, peer: string, peerGroups: string[] = []): NetworkRouter => ({
  id, accountId: 'a', networkId, peer, peerGroups, masquerade: true, metric: 100, enabled: true,
});

const base: NetworkState = {
  groups: [group('devs', ['p1', 'p2']), group('ops', ['p3']), group('routers', ['r1', 'r2']), group('res', []), group('other', ['p9'])],
  policies: [
    policy('to-group', [rule({ sources: ['devs'], destinations: ['res'] })]),
    policy('to-resource', [rule({ sources: ['ops'], destinationResource: { id: 'db', type: 'host' } })]),
    policy('unrelated', [rule({ sources: ['other'], destinations: ['devs'] })]),
  ],
  resources: [resource('lan', 'n1', ['res']), resource('db', 'n1', []), resource('far', 'n2', ['other'])],
  routers: [router('x', 'n1', '', ['routers']), router('y', 'n2', 'p9')],
};

test('peersReachingNetwork: routing peers and sources of policies aimed at its resources', () => {
  assert.deepEqual([...peersReachingNetwork('n1', base)].sort(), ['p1', 'p2', 'p3', 'r1', 'r2']);
  assert.deepEqual([...peersReachingNetwork('n2', base)].sort(), ['p9']);
  assert.deepEqual([...peersReachingNetwork('none', base)], []);
});

test('a source-resource peer counts as a source', () => {
  const s = { ...base, policies: [policy('one', [rule({ sourceResource: { id: 'solo', type: 'peer' }, destinations: ['res'] })])] };
  assert.deepEqual([...peersReachingNetwork('n1', s)].sort(), ['r1', 'r2', 'solo']);
});

test('networkChangeScope unions the peers before and after', () => {
  const after = { ...base, routers: [router('x', 'n1', 'p9')], resources: base.resources.filter((r) => r.id !== 'db') };
  assert.deepEqual(networkChangeScope('n1', base, after), ['p1', 'p2', 'p3', 'p9', 'r1', 'r2']);
  const empty = { ...base, routers: [], resources: [] };
  assert.deepEqual(networkChangeScope('n1', empty, empty), []);
});
