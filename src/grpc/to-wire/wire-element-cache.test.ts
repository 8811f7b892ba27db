import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FirewallRule, RemotePeer, SimpleRecord } from '../../netmap/network-map.js';
import { ELEMENT_ENCODERS, WireElementCache } from './wire-element-cache.js';

const peer = (name: string): RemotePeer => ({
  wgPubKey: `key-${name}`,
  allowedIps: ['100.64.0.1/32'],
  sshPubKey: `ssh-ed25519 AAAA${name}`,
  fqdn: `${name}.netbird.selfhosted`,
  agentVersion: '0.60.0',
});

const concat = (parts: readonly Uint8Array[]): number[] => parts.flatMap((p) => [...p]);

/** What the list must encode to: each element framed on its own, in list order. */
const oneByOne = (list: readonly RemotePeer[]): number[] => concat(list.map((p) => ELEMENT_ENCODERS.remotePeers([p])));

const A = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'].map(peer);
const B = ['b0', 'b1', 'b2', 'b3'].map(peer);
const [x, y] = [peer('x'), peer('y')];

// [name, lists looked up before (each encodes its misses as one batch), list, runs, elements encoded for it]
const CASES: [string, RemotePeer[][], RemotePeer[], number, number][] = [
  ['in batch order', [A], A, 1, 0],
  ['one element left out', [A], A.filter((p) => p !== A[2]), 2, 0],
  ['the own element left out at either end', [A], A.slice(1, -1), 1, 0],
  ['two batches mixed', [A, B], [A[0]!, A[1]!, B[0]!, B[1]!, A[2]!], 3, 0],
  ['two batches back to back', [A, B], [...A, ...B], 2, 0],
  ['an element repeated', [A], [A[0]!, A[1]!, A[1]!, A[2]!], 2, 0],
  ['all miss: one new batch, one run', [], A, 1, 6],
  ['a subset of a batch', [A], [A[1]!, A[2]!, A[4]!, A[5]!], 2, 0],
  ['misses among hits: encoded together, each its own run', [A], [A[0]!, x, A[1]!, y], 4, 2],
  ['a miss repeated', [], [x, x], 2, 2],
  ['empty list', [A], [], 0, 0],
  ['reversed order', [A], [...A].reverse(), 6, 0],
];

test('remotePeers answers a list as runs whose bytes are its elements framed one by one', () => {
  for (const [name, before, list, runs, encoded] of CASES) {
    let count = 0;
    const cache = new WireElementCache({ ...ELEMENT_ENCODERS, remotePeers: (batch) => ((count += batch.length), ELEMENT_ENCODERS.remotePeers(batch)) });
    for (const l of before) cache.remotePeers(l);
    count = 0;
    const got = cache.remotePeers(list);
    assert.deepEqual(concat(got), oneByOne(list), `${name}: bytes`);
    assert.equal(got.length, runs, `${name}: runs`);
    assert.equal(count, encoded, `${name}: elements encoded`);
    assert.deepEqual(concat(cache.remotePeers(list)), oneByOne(list), `${name}: bytes again, all cached`);
  }
});

test('eachRemotePeer gives one framed field per element, whichever batch it came from', () => {
  const cache = new WireElementCache();
  cache.remotePeers(A);
  const list = [A[3]!, x, A[0]!, A[3]!];
  assert.deepEqual(
    cache.eachRemotePeer(list).map((f) => [...f]),
    list.map((p) => [...ELEMENT_ENCODERS.remotePeers([p])]),
  );
});

test('firewall rules and DNS records are looked up in runs too', () => {
  const rules: FirewallRule[] = ['in', 'out', 'in'].map((direction, i) => ({ peerIp: `100.64.0.${i}`, direction, action: 'accept', protocol: 'all', port: '', portRange: null, policyId: 'p' }) as FirewallRule);
  const records: SimpleRecord[] = [1, 2, 3].map((i) => ({ name: `r${i}.zone.`, type: 1, class: 'IN', ttl: 300, rdata: `100.64.0.${i}` }));
  const cache = new WireElementCache();
  cache.firewallRules(rules);
  cache.records(records);
  const r = [rules[0]!, rules[2]!];
  const d = [records[1]!, records[2]!];
  assert.deepEqual(concat(cache.firewallRules(r)), concat(r.map((e) => ELEMENT_ENCODERS.firewallRules([e]))));
  assert.deepEqual(concat(cache.records(d)), concat(d.map((e) => ELEMENT_ENCODERS.records([e]))));
  assert.equal(cache.records(d).length, 1, 'records 1–2 of one batch: one run');
});

test('an encoder framing another number of elements than it was given is refused', () => {
  const cache = new WireElementCache({ ...ELEMENT_ENCODERS, remotePeers: (batch) => ELEMENT_ENCODERS.remotePeers(batch.slice(1)) });
  assert.throws(() => cache.remotePeers([x, y]), /encoder framed 1 of 2 elements/);
});
