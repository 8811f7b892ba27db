import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Route, RouteNetworkType } from '../../domain/model.js';
import { networkTypeName, toApiRoute } from './route.js';

test('networkTypeName is upstream NetworkType.String()', () => {
  const cases: [RouteNetworkType, string][] = [[1, 'IPv4'], [2, 'IPv6'], [3, 'Domain'], [0, 'Invalid']];
  for (const [t, want] of cases) assert.equal(networkTypeName(t), want);
});

test('toApiRoute leaves out empty peer_groups and access_control_groups', () => {
  const r: Route = {
    id: 'r', accountId: 'a', netId: 'office', description: 'd', network: '10.0.0.0/8', networkType: 1, domains: [], keepRoute: true,
    peer: 'p', peerGroups: [], metric: 10, masquerade: true, enabled: true, groups: ['g'], accessControlGroups: [], skipAutoApply: false,
  };
  assert.deepEqual(toApiRoute(r), {
    id: 'r', network_type: 'IPv4', description: 'd', network_id: 'office', enabled: true, peer: 'p', network: '10.0.0.0/8', domains: [],
    metric: 10, masquerade: true, groups: ['g'], keep_route: true, skip_auto_apply: false,
  });
  const withGroups = toApiRoute({ ...r, peer: '', peerGroups: ['pg'], accessControlGroups: ['acl'] });
  assert.deepEqual([withGroups.peer, withGroups.peer_groups, withGroups.access_control_groups], ['', ['pg'], ['acl']]);
});
