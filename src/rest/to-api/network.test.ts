import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group, NetworkResource, NetworkRouter, Policy } from '../../domain/model.js';
import { policiesAppliedIn, routingPeersCount, toApiNetwork, toApiNetworkResource, toApiNetworkRouter } from './network.js';

const group = (id: string, peers: string[]): Group => ({ id, accountId: 'a', name: id.toUpperCase(), issued: 'api', peers });
const res = (id: string, over: Partial<NetworkResource> = {}): NetworkResource => ({
  id, accountId: 'a', networkId: 'n1', name: id, description: '', type: 'host', prefix: '10.0.0.1/32', domain: '', enabled: true, groups: [], ...over,
});
const router = (id: string, over: Partial<NetworkRouter> = {}): NetworkRouter => ({
  id, accountId: 'a', networkId: 'n1', peer: '', peerGroups: [], masquerade: false, metric: 100, enabled: true, ...over,
});
const policy = (id: string, enabled: boolean, dest: { groups?: string[]; resource?: string }): Policy => ({
  id, accountId: 'a', name: id, description: '', enabled, sourcePostureChecks: [],
  rules: [{
    id: `${id}-r`, policyId: id, name: 'r', description: '', enabled: true, action: 'accept', sources: ['g'], destinations: dest.groups ?? [],
    sourceResource: null, destinationResource: dest.resource === undefined ? null : { id: dest.resource, type: 'host' },
    bidirectional: false, protocol: 'all', ports: [], portRanges: [], authorizedGroups: {}, authorizedUser: '',
  }],
});

test('toApiNetwork lists its routers, resources, routing peers and the policies aimed at it', () => {
  const groups = [group('rg', ['p1', 'p2', 'p3']), group('dst', [])];
  const ctx = {
    groups,
    resources: [res('r1', { groups: ['dst'] }), res('r2'), res('other', { networkId: 'n2' })],
    routers: [router('a', { peer: 'p9' }), router('b', { peerGroups: ['rg', 'gone'] }), router('c', { networkId: 'n2', peer: 'x' })],
    policies: [policy('via-group', true, { groups: ['dst'] }), policy('via-resource', true, { resource: 'r2' }), policy('off', false, { groups: ['dst'] }), policy('elsewhere', true, { resource: 'other' })],
  };
  assert.deepEqual(toApiNetwork({ id: 'n1', accountId: 'a', name: 'office', description: 'd' }, ctx), {
    id: 'n1', name: 'office', description: 'd', routers: ['a', 'b'], resources: ['r1', 'r2'], routing_peers_count: 4, policies: ['via-group', 'via-resource'],
  });
  assert.deepEqual(policiesAppliedIn('n3', ctx), []);
  assert.equal(routingPeersCount([], groups), 0);
});

test('toApiNetworkResource shows the address and the groups as GroupMinimum', () => {
  const groups = [group('g1', ['p1'])];
  const r = res('db', { type: 'domain', prefix: '', domain: '*.db.example.com', groups: ['g1', 'deleted'] });
  assert.deepEqual(toApiNetworkResource(r, groups, [r]), {
    id: 'db', name: 'db', description: '', type: 'domain', address: '*.db.example.com', enabled: true,
    groups: [{ id: 'g1', name: 'G1', peers_count: 1, resources_count: 1, issued: 'api' }],
  });
  assert.equal(toApiNetworkResource(res('h', { prefix: '2001:db8::1/128' }), groups, []).address, '2001:db8::1/128');
});

test('toApiNetworkRouter', () => {
  assert.deepEqual(toApiNetworkRouter(router('x', { peerGroups: ['g'], masquerade: true, metric: 7 })), {
    id: 'x', peer: '', peer_groups: ['g'], metric: 7, masquerade: true, enabled: true,
  });
});
