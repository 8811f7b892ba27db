import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { accountBuilder } from './fixtures/account-builder.js';
import { NOW, idsOf, mapOf, rulesOf } from './fixtures/map-view.js';
import { accountIndexFor } from './account-index.js';

describe('computeNetworkMap: peer config', () => {
  it('address is ip/bits of the account network, fqdn uses the DNS domain', () => {
    const s = accountBuilder().network('100.77.0.0/16', 42).peer('a', { ip: '100.77.12.9', dnsLabel: 'host-a' })
      .settings({ lazyConnectionEnabled: true, autoUpdateVersion: 'latest', autoUpdateAlways: true }).build();
    const m = mapOf(s, 'a');
    assert.equal(m.serial, 42);
    assert.deepEqual(m.peerConfig, {
      address: '100.77.12.9/16',
      fqdn: 'host-a.netbird.selfhosted',
      sshEnabled: false,
      routingPeerDnsResolutionEnabled: true,
      lazyConnectionEnabled: true,
      autoUpdate: { version: 'latest', alwaysUpdate: true },
    });
  });

  it('the account DNS domain overrides the server one; no domain → empty fqdn', () => {
    const s = accountBuilder().peer('a').settings({ dnsDomain: 'corp.example' }).build();
    assert.equal(mapOf(s, 'a').peerConfig!.fqdn, 'a.corp.example');
    assert.equal(mapOf(accountBuilder().peer('a').build(), 'a', { dnsDomain: '' }).peerConfig!.fqdn, '');
  });
});

describe('computeNetworkMap: eligibility', () => {
  it('an unknown peer gets the network-only map without peer config', () => {
    const m = mapOf(accountBuilder().network('100.64.0.0/10', 7).peer('a').peer('b').allowAll().build(), 'nobody');
    assert.equal(m.serial, 7);
    assert.equal(m.peerConfig, null);
    assert.deepEqual([m.remotePeers, m.offlinePeers, m.firewallRules, m.routes, m.routesFirewallRules, m.checks], [[], [], [], [], [], []]);
    assert.equal(m.remotePeersIsEmpty && m.firewallRulesIsEmpty && m.routesFirewallRulesIsEmpty, true);
    assert.equal(m.dnsConfig.serviceEnable, false);
  });

  it('a peer awaiting approval gets only its config and is invisible to others', () => {
    const s = accountBuilder().peer('a').peer('b', { requiresApproval: true }).allowAll().build();
    const b = mapOf(s, 'b');
    assert.equal(b.peerConfig!.address, '100.64.0.2/10');
    assert.deepEqual(b.remotePeers, []);
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), []);
  });
});

describe('computeNetworkMap: offline / expired peers', () => {
  const day = 86_400_000;
  const build = (enabled: boolean) =>
    accountBuilder().settings({ peerLoginExpirationEnabled: enabled, peerLoginExpiration: 86_400 })
      .peer('a')
      .peer('sso-old', { userId: 'u1', loginExpirationEnabled: true, lastLogin: NOW - 2 * day })
      .peer('sso-new', { userId: 'u1', loginExpirationEnabled: true, lastLogin: NOW - day / 2 })
      .peer('setup-key', { lastLogin: NOW - 30 * day })
      .allowAll().build();

  it('login-expired SSO peers move to offlinePeers but keep their firewall rules', () => {
    const m = mapOf(build(true), 'a');
    assert.deepEqual(idsOf(m.remotePeers), ['setup-key', 'sso-new']);
    assert.deepEqual(idsOf(m.offlinePeers), ['sso-old']);
    assert.ok(rulesOf(m).includes('in all 100.64.0.2 accept'));
    const names = m.dnsConfig.customZones[0]!.records.map((r) => r.name.split('.')[0]);
    assert.deepEqual(names, ['a', 'setup-key', 'sso-new', 'sso-old'], 'the zone keeps expired peers');
  });

  it('with the account setting off nobody expires', () => {
    const m = mapOf(build(false), 'a');
    assert.deepEqual(idsOf(m.remotePeers), ['setup-key', 'sso-new', 'sso-old']);
    assert.deepEqual(m.offlinePeers, []);
  });

  it('connection status never matters', () => {
    const s = accountBuilder().peer('a').peer('b', { connected: false, loginExpired: true }).allowAll().build();
    assert.deepEqual(idsOf(mapOf(s, 'a').remotePeers), ['b']);
  });
});

describe('computeNetworkMap: shape and determinism', () => {
  it('remote peers carry key, /32 allowed IP, ssh key, fqdn and version', () => {
    const s = accountBuilder().peer('a').peer('b', { sshKey: 'ssh-ed25519 AAAA', meta: { netbirdVersion: '0.61.0' } }).allowAll().build();
    assert.deepEqual(mapOf(s, 'a').remotePeers, [
      { wgPubKey: 'key-b', allowedIps: ['100.64.0.2/32'], sshPubKey: 'ssh-ed25519 AAAA', fqdn: 'b.netbird.selfhosted', agentVersion: '0.61.0' },
    ]);
  });

  it('does not depend on the order of the snapshot collections', () => {
    const s = accountBuilder().peer('a').peer('b').peer('c').group('g', ['c', 'a'])
      .policy('p2', { rules: [{ sources: ['g'], destinations: ['all'], protocol: 'tcp', ports: ['22'] }] })
      .allowAll('p1').build();
    const shuffled = { ...s, peers: [...s.peers].reverse(), policies: [...s.policies].reverse(), groups: [...s.groups].reverse() };
    for (const id of ['a', 'b', 'c']) assert.deepEqual(mapOf(shuffled, id), mapOf(s, id));
  });

  it('builds the account index once per snapshot object', () => {
    const s = accountBuilder().peer('a').peer('b').allowAll().build();
    const first = accountIndexFor(s);
    mapOf(s, 'a');
    mapOf(s, 'b');
    assert.equal(accountIndexFor(s), first);
    assert.notEqual(accountIndexFor({ ...s }), first);
  });

  it('property: with allow-all, visibility is symmetric and complete, never self', () => {
    const versions = fc.constantFrom('0.30.0', '0.48.0', '0.60.0', 'development', '');
    fc.assert(
      fc.property(fc.array(versions, { minLength: 1, maxLength: 25 }), (vs) => {
        const b = accountBuilder();
        vs.forEach((v, i) => b.peer(`p${i}`, { meta: { netbirdVersion: v } }));
        const s = b.allowAll().build();
        const ids = vs.map((_, i) => `p${i}`);
        const sees = new Map(ids.map((id) => [id, new Set(idsOf(mapOf(s, id).remotePeers))]));
        for (const x of ids) {
          assert.equal(sees.get(x)!.has(x), false);
          assert.equal(sees.get(x)!.size, ids.length - 1);
          for (const y of sees.get(x)!) assert.ok(sees.get(y)!.has(x), `${y} must see ${x}`);
          for (const p of mapOf(s, x).remotePeers) assert.ok(p.allowedIps.length > 0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
