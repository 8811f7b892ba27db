import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_META, makePeerMeta } from '../peer-meta.js';
import { isEmptyMeta, mergeMeta } from './merge-meta.js';
import { metaChangeAffectsMaps } from './meta-change-affects-maps.js';

const stored = makePeerMeta({
  hostname: 'laptop',
  goOS: 'linux',
  netbirdVersion: '0.60.0',
  uiVersion: 'netbird-desktop-ui/0.60.0',
  networkAddresses: [
    { netIP: '192.168.1.20/24', mac: 'aa' },
    { netIP: '10.0.0.2/8', mac: 'bb' },
  ],
  files: [
    { path: '/a', exist: true, processIsRunning: false },
    { path: '/b', exist: false, processIsRunning: false },
  ],
});

test('isEmptyMeta ignores flags only', () => {
  assert.equal(isEmptyMeta(EMPTY_META), true);
  assert.equal(isEmptyMeta(makePeerMeta({ flags: { ...EMPTY_META.flags, blockInbound: true } })), true);
  assert.equal(isEmptyMeta(makePeerMeta({ kernel: 'Linux' })), false);
  assert.equal(isEmptyMeta(makePeerMeta({ environment: { cloud: 'aws', platform: '' } })), false);
  assert.equal(isEmptyMeta(makePeerMeta({ files: [{ path: '/x', exist: false, processIsRunning: false }] })), false);
});

test('mergeMeta applies UpdateMetaIfNew', () => {
  const reordered = { ...stored, networkAddresses: [...stored.networkAddresses].reverse(), files: [...stored.files].reverse() };
  const cases: { name: string; incoming: typeof stored; changed: boolean; uiVersion: string }[] = [
    { name: 'empty meta never overwrites', incoming: EMPTY_META, changed: false, uiVersion: stored.uiVersion },
    { name: 'identical', incoming: stored, changed: false, uiVersion: stored.uiVersion },
    { name: 'reordered addresses and files', incoming: reordered, changed: false, uiVersion: stored.uiVersion },
    { name: 'empty uiVersion keeps stored', incoming: { ...stored, uiVersion: '' }, changed: false, uiVersion: stored.uiVersion },
    { name: 'new uiVersion', incoming: { ...stored, uiVersion: 'netbird-desktop-ui/0.61.0' }, changed: true, uiVersion: 'netbird-desktop-ui/0.61.0' },
    { name: 'version change with empty uiVersion', incoming: { ...stored, uiVersion: '', netbirdVersion: '0.61.0' }, changed: true, uiVersion: stored.uiVersion },
    { name: 'flag change', incoming: { ...stored, flags: { ...stored.flags, disableDNS: true } }, changed: true, uiVersion: stored.uiVersion },
    { name: 'address MAC change', incoming: { ...stored, networkAddresses: [{ netIP: '192.168.1.20/24', mac: 'cc' }, stored.networkAddresses[1]!] }, changed: true, uiVersion: stored.uiVersion },
    { name: 'file state change', incoming: { ...stored, files: [{ path: '/a', exist: true, processIsRunning: true }, stored.files[1]!] }, changed: true, uiVersion: stored.uiVersion },
  ];
  for (const c of cases) {
    const r = mergeMeta(stored, c.incoming);
    assert.equal(r.changed, c.changed, c.name);
    assert.equal(r.meta.uiVersion, c.uiVersion, c.name);
    if (!c.changed) assert.equal(r.meta, stored, `${c.name}: stored object kept`);
  }
});

test('metaChangeAffectsMaps: version, flags, or anything under posture checks', () => {
  const cases: { name: string; next: typeof stored; posture: boolean; want: boolean }[] = [
    { name: 'no change', next: stored, posture: true, want: false },
    { name: 'version change', next: { ...stored, netbirdVersion: '0.61.0' }, posture: false, want: true },
    { name: 'flag change', next: { ...stored, flags: { ...stored.flags, serverSSHAllowed: true } }, posture: false, want: true },
    { name: 'kernel change without posture', next: { ...stored, kernelVersion: '6.1' }, posture: false, want: false },
    { name: 'kernel change with posture', next: { ...stored, kernelVersion: '6.1' }, posture: true, want: true },
    { name: 'hostname change without posture', next: { ...stored, hostname: 'other' }, posture: false, want: false },
  ];
  for (const c of cases) assert.equal(metaChangeAffectsMaps(stored, c.next, c.posture), c.want, c.name);
});
