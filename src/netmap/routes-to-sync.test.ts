import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { NOW, mapOf } from './fixtures/map-view.js';

const routesOf = (m: ReturnType<typeof mapOf>) => m.routes.map((r) => `${r.id}@${r.peer.replace(/^key-/, '')}`);

describe('routes', () => {
  it('single routing peer: distributed to clients, also sent to the router itself', () => {
    const s = accountBuilder().peer('a').peer('r').allowAll()
      .route('rt', { peer: 'r', groups: ['all'], network: '10.1.0.0/16', metric: 100, masquerade: true }).build();
    assert.deepEqual(mapOf(s, 'a').routes, [{
      id: 'rt', network: '10.1.0.0/16', networkType: 1, peer: 'key-r', metric: 100, masquerade: true,
      netId: 'rt', domains: [], keepRoute: false, skipAutoApply: false,
    }]);
    assert.deepEqual(routesOf(mapOf(s, 'r')), ['rt@r']);
  });

  it('peer-group routes get one copy per routing peer with <routeID>:<peerID>', () => {
    const s = accountBuilder().peer('a').peer('r1').peer('r2').group('routers', ['r1', 'r2']).allowAll()
      .route('rt', { peerGroups: ['routers'], groups: ['all'] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['rt:r1@r1', 'rt:r2@r2']);
  });

  it('HA exclusion: a router does not receive other routers\u2019 routes of its own HA group', () => {
    const s = accountBuilder().peer('a').peer('r1').peer('r2').group('routers', ['r1', 'r2']).allowAll()
      .route('rt', { peerGroups: ['routers'], groups: ['all'] })
      .route('other', { peer: 'r2', groups: ['all'], network: '172.16.0.0/12' }).build();
    assert.deepEqual(routesOf(mapOf(s, 'r1')), ['other@r2', 'rt:r1@r1']);
  });

  it('a disabled route is not sent but still counts as HA membership', () => {
    const s = accountBuilder().peer('a').peer('r1').peer('r2').allowAll()
      .route('x1', { peer: 'r1', netId: 'x', groups: ['all'], enabled: false })
      .route('x2', { peer: 'r2', netId: 'x', groups: ['all'] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['x2@r2']);
    assert.deepEqual(routesOf(mapOf(s, 'r1')), []);
  });

  it('only peers in a distribution group receive the route', () => {
    const s = accountBuilder().peer('a').peer('b').peer('r').group('clients', ['a']).allowAll()
      .route('rt', { peer: 'r', groups: ['clients'] }).build();
    assert.deepEqual(routesOf(mapOf(s, 'a')), ['rt@r']);
    assert.deepEqual(routesOf(mapOf(s, 'b')), []);
  });

  it('routes come only from reachable, non-expired routing peers', () => {
    const noPolicy = accountBuilder().peer('a').peer('r').route('rt', { peer: 'r', groups: ['all'] }).build();
    assert.deepEqual(routesOf(mapOf(noPolicy, 'a')), []);
    const expired = accountBuilder().peer('a').peer('r', { userId: 'u', loginExpirationEnabled: true, lastLogin: NOW - 2 * 86_400_000 })
      .allowAll().route('rt', { peer: 'r', groups: ['all'] }).build();
    assert.deepEqual(routesOf(mapOf(expired, 'a')), []);
  });

  it('domain routes keep their domains and placeholder network', () => {
    const s = accountBuilder().peer('a').peer('r').allowAll()
      .route('dns', { peer: 'r', groups: ['all'], network: '192.0.2.0/32', networkType: 3, domains: ['example.com'], keepRoute: true }).build();
    const [r] = mapOf(s, 'a').routes;
    assert.deepEqual([r!.networkType, r!.domains, r!.keepRoute], [3, ['example.com'], true]);
  });
});
