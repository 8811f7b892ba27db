import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PeerMeta } from '../model.js';
import { makePeerMeta } from '../peer-meta.js';
import { checkPeerInputBounds, PEER_INPUT_BOUNDS, type PeerInput } from './check-peer-input-bounds.js';

const b = PEER_INPUT_BOUNDS;
const s = (n: number) => 'x'.repeat(n);
const addresses = (n: number, netIP = '10.0.0.1/8', mac = 'aa:bb') => Array.from({ length: n }, () => ({ netIP, mac }));
const files = (n: number, path = '/x') => Array.from({ length: n }, () => ({ path, exist: true, processIsRunning: false }));
const withMeta = (meta: Partial<PeerMeta>): PeerInput => ({ meta: makePeerMeta(meta) });

/** Each bound: one input exactly at the limit (accepted), one just over it (refused, naming the field). */
const cases: { field: string; at: PeerInput; over: PeerInput }[] = [
  ...(['hostname', 'goOS', 'kernel', 'core', 'platform', 'os', 'osVersion', 'netbirdVersion', 'uiVersion', 'kernelVersion', 'sysSerialNumber', 'sysProductName', 'sysManufacturer'] as const).map((f) => ({
    field: `meta.${f}`,
    at: withMeta({ [f]: s(b.text) }),
    over: withMeta({ [f]: s(b.text + 1) }),
  })),
  { field: 'meta.environment.cloud', at: withMeta({ environment: { cloud: s(b.text), platform: '' } }), over: withMeta({ environment: { cloud: s(b.text + 1), platform: '' } }) },
  { field: 'meta.environment.platform', at: withMeta({ environment: { cloud: '', platform: s(b.text) } }), over: withMeta({ environment: { cloud: '', platform: s(b.text + 1) } }) },
  { field: 'meta.networkAddresses', at: withMeta({ networkAddresses: addresses(b.networkAddresses) }), over: withMeta({ networkAddresses: addresses(b.networkAddresses + 1) }) },
  { field: 'meta.networkAddresses[0].netIP', at: withMeta({ networkAddresses: addresses(1, s(b.text)) }), over: withMeta({ networkAddresses: addresses(1, s(b.text + 1)) }) },
  { field: 'meta.networkAddresses[0].mac', at: withMeta({ networkAddresses: addresses(1, '10.0.0.1/8', s(b.text)) }), over: withMeta({ networkAddresses: addresses(1, '10.0.0.1/8', s(b.text + 1)) }) },
  { field: 'meta.files', at: withMeta({ files: files(b.files) }), over: withMeta({ files: files(b.files + 1) }) },
  { field: 'meta.files[0].path', at: withMeta({ files: files(1, s(b.filePath)) }), over: withMeta({ files: files(1, s(b.filePath + 1)) }) },
  { field: 'sshKey', at: { meta: makePeerMeta(), sshKey: s(b.sshKey) }, over: { meta: makePeerMeta(), sshKey: s(b.sshKey + 1) } },
  { field: 'dnsLabels', at: { meta: makePeerMeta(), dnsLabels: Array(b.dnsLabels).fill('a') }, over: { meta: makePeerMeta(), dnsLabels: Array(b.dnsLabels + 1).fill('a') } },
  { field: 'dnsLabels[0]', at: { meta: makePeerMeta(), dnsLabels: [s(b.dnsLabel)] }, over: { meta: makePeerMeta(), dnsLabels: [s(b.dnsLabel + 1)] } },
];

test('every bound: at the limit accepted, one over refused with InvalidArgument naming the field', () => {
  for (const c of cases) {
    assert.doesNotThrow(() => checkPeerInputBounds(c.at), c.field);
    assert.throws(
      () => checkPeerInputBounds(c.over),
      (err: { kind?: string; message?: string }) => err.kind === 'InvalidArgument' && err.message!.startsWith(`${c.field} `),
      c.field,
    );
  }
});

test('the message gives sizes, never the value; a real client meta passes', () => {
  assert.throws(() => checkPeerInputBounds(withMeta({ sysSerialNumber: 'S'.repeat(3_900_000) })), {
    kind: 'InvalidArgument',
    message: 'meta.sysSerialNumber is too long: 3900000 characters, at most 1024',
  });
  assert.throws(() => checkPeerInputBounds(withMeta({ networkAddresses: addresses(20_000) })), { message: 'meta.networkAddresses has too many entries: 20000, at most 1024' });
  const real: PeerInput = {
    meta: makePeerMeta({ hostname: 'laptop', goOS: 'linux', kernel: 'Linux', os: 'Ubuntu', osVersion: '24.04', netbirdVersion: '0.60.0', networkAddresses: addresses(4), files: files(2) }),
    sshKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2Kz2bq9yLq0a4nWw3vJq3m5QJt2mXc6xv9o1d4dKcX root@laptop',
    dnsLabels: ['web', 'api.internal'],
  };
  assert.doesNotThrow(() => checkPeerInputBounds(real));
});
