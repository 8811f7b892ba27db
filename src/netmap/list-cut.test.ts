import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FirewallRule, NetworkMap, RemotePeer } from './network-map.js';
import { type ListCut, listCutOf, listLength, materialize, whole, withListCuts } from './list-cut.js';

describe('ListCut', () => {
  const list = ['a', 'b', 'c', 'd', 'e'];
  const cases: { name: string; skip: number[]; want: string[] }[] = [
    { name: 'nothing left out', skip: [], want: list },
    { name: 'the first', skip: [0], want: ['b', 'c', 'd', 'e'] },
    { name: 'the last', skip: [4], want: ['a', 'b', 'c', 'd'] },
    { name: 'two apart', skip: [1, 3], want: ['a', 'c', 'e'] },
    { name: 'two together', skip: [2, 3], want: ['a', 'b', 'e'] },
    { name: 'all of them', skip: [0, 1, 2, 3, 4], want: [] },
  ];
  for (const c of cases) {
    it(`materialize: ${c.name}`, () => {
      assert.deepEqual(materialize({ list, skip: c.skip }), c.want);
      assert.deepEqual(list, ['a', 'b', 'c', 'd', 'e'], 'the shared list is left as it was');
    });
  }

  it('materialize leaves a whole list shared, not copied', () => {
    assert.equal(materialize(whole(list)), list);
  });

  const peer = (wgPubKey: string): RemotePeer => ({ wgPubKey, allowedIps: [], sshPubKey: '', fqdn: '', agentVersion: '' });
  const rule = (peerIp: string): FirewallRule => ({ peerIp, direction: 'in', action: 'accept', protocol: 'all', port: '', portRange: null, policyId: 'r' });
  const mapWith = (peers: ListCut<RemotePeer>, rules: ListCut<FirewallRule>) =>
    withListCuts({ remotePeers: [] as readonly RemotePeer[], firewallRules: [] as readonly FirewallRule[], serial: 1 }, { remotePeers: peers, firewallRules: rules });

  it('a map with cuts: lengths and cuts are read without materialising, the arrays on first read', () => {
    const peers = { list: [peer('x'), peer('y'), peer('z')], skip: [1] };
    const rules = { list: [rule('1'), rule('2'), rule('3'), rule('4')], skip: [0, 2] };
    const m = mapWith(peers, rules);
    assert.equal(listLength(m, 'remotePeers'), 2);
    assert.equal(listLength(m, 'firewallRules'), 2);
    assert.equal(listCutOf(m, 'remotePeers'), peers);
    assert.equal(Object.getOwnPropertyDescriptor(m, 'remotePeers')!.get !== undefined, true, 'not materialised by the reads above');
    assert.deepEqual(m.remotePeers.map((p) => p.wgPubKey), ['x', 'z']);
    assert.equal(m.remotePeers, m.remotePeers, 'materialised once');
    assert.deepEqual(m.firewallRules.map((r) => r.peerIp), ['2', '4']);
    assert.equal(listCutOf(m, 'firewallRules'), rules, 'the cut stays readable after materialising');
    assert.deepEqual(Object.keys(m), ['remotePeers', 'firewallRules', 'serial'], 'the keys keep their order');
    assert.deepEqual({ ...m }, { remotePeers: [peers.list[0], peers.list[2]], firewallRules: [rules.list[1], rules.list[3]], serial: 1 });
  });

  it('a map without cuts: its arrays are the whole cut', () => {
    const m: Pick<NetworkMap, 'remotePeers' | 'firewallRules'> = { remotePeers: [peer('x')], firewallRules: [] };
    assert.deepEqual(listCutOf(m, 'remotePeers'), { list: m.remotePeers, skip: [] });
    assert.equal(listLength(m, 'remotePeers'), 1);
    assert.equal(listLength(m, 'firewallRules'), 0);
  });
});
