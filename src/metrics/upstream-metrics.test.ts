import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointLabel, httpRequestType, networkMapObjects } from './upstream-metrics.js';

test("httpRequestType: upstream's write is a 200 to PUT, POST or DELETE; everything else reads", () => {
  const cases: [string, number, 'read' | 'write'][] = [
    ['POST', 200, 'write'],
    ['PUT', 200, 'write'],
    ['DELETE', 200, 'write'],
    ['POST', 400, 'read'],
    ['GET', 200, 'read'],
    ['OPTIONS', 200, 'read'],
    ['PATCH', 200, 'read'],
  ];
  for (const [method, code, want] of cases) assert.equal(httpRequestType(method, code), want, `${method} ${code}`);
});

test('endpointLabel: the route template without parameter markers', () => {
  const cases: [string | undefined, string][] = [
    ['/api/peers/:peerId', '/api/peers/peerId'],
    ['/api/groups', '/api/groups'],
    ['/api/users/{userId}/tokens', '/api/users/userId/tokens'],
    [undefined, ''],
  ];
  for (const [route, want] of cases) assert.equal(endpointLabel(route), want, String(route));
});

test('networkMapObjects: peers, offline peers, routes, rules and DNS records', () => {
  const n = (k: number) => Array.from({ length: k }, () => ({}) as never);
  const map = { remotePeers: n(3), offlinePeers: n(1), routes: n(2), firewallRules: n(4), routesFirewallRules: n(1), dnsConfig: { customZones: [{ records: n(2) }, { records: n(1) }] } } as never;
  assert.equal(networkMapObjects(map), 14);
});
