import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRoute, DOMAIN_ROUTE_NETWORK, type RouteShape } from './check-route.js';

const base: RouteShape = { netId: 'office', network: '10.0.0.0/24', peer: 'p1', metric: 9999, groups: ['g'] };

test('checkRoute resolves the network type', () => {
  assert.deepEqual(checkRoute(base), { network: '10.0.0.0/24', networkType: 1, domains: [] });
  assert.deepEqual(checkRoute({ ...base, network: '2001:db8::/64' }), { network: '2001:db8::/64', networkType: 2, domains: [] });
  assert.deepEqual(checkRoute({ ...base, network: '', domains: ['example.com'] }), { network: DOMAIN_ROUTE_NETWORK, networkType: 3, domains: ['example.com'] });
});

test('checkRoute refuses bad shapes', () => {
  const cases: { name: string; over: Partial<RouteShape> }[] = [
    { name: 'network and domains', over: { domains: ['example.com'] } },
    { name: 'neither network nor domains', over: { network: '' } },
    { name: 'bad network', over: { network: '10.0.0.0' } },
    { name: 'bad domain', over: { network: '', domains: ['bad domain'] } },
    { name: 'peer and peer groups', over: { peerGroups: ['g'] } },
    { name: 'no routing peer', over: { peer: '' } },
    { name: 'metric 0', over: { metric: 0 } },
    { name: 'metric 10000', over: { metric: 10000 } },
    { name: 'empty NetID', over: { netId: '' } },
    { name: 'NetID over 40', over: { netId: 'x'.repeat(41) } },
    { name: 'no distribution groups', over: { groups: [] } },
  ];
  for (const c of cases) assert.throws(() => checkRoute({ ...base, ...c.over }), { kind: 'InvalidArgument' }, c.name);
  assert.doesNotThrow(() => checkRoute({ ...base, peer: '', peerGroups: ['g'], metric: 1, netId: 'x'.repeat(40) }));
});
