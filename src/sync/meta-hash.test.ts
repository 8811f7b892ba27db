import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalMeta, fnv1a64, metaHash } from './meta-hash.js';
import { makePeerMeta } from '../domain/peer-meta.js';
import type { PeerFlags, PeerMeta } from '../domain/model.js';

const base: PeerMeta = makePeerMeta({
  hostname: 'linux-host',
  goOS: 'linux',
  kernel: 'Linux',
  core: '',
  platform: 'x86_64',
  os: 'Ubuntu',
  osVersion: '22.04',
  netbirdVersion: '0.70.0',
  uiVersion: 'netbird-desktop-ui/0.70.0',
  kernelVersion: '5.15.0',
  networkAddresses: [
    { mac: 'aa:bb:cc:dd:ee:01', netIP: '192.168.1.20/24' },
    { mac: 'aa:bb:cc:dd:ee:02', netIP: '10.0.0.2/8' },
  ],
  sysSerialNumber: 'SN1',
  sysProductName: 'ThinkPad',
  sysManufacturer: 'Lenovo',
  environment: { cloud: 'aws', platform: 'ec2' },
  files: [
    { path: '/usr/bin/a', exist: true, processIsRunning: false },
    { path: '/usr/bin/b', exist: false, processIsRunning: false },
  ],
});

/** One change per PeerMeta field; the Record type fails to compile if a field is missing. */
const fieldChanges: { [K in keyof PeerMeta]-?: (m: PeerMeta) => PeerMeta } = {
  hostname: (m) => ({ ...m, hostname: 'other-host' }),
  goOS: (m) => ({ ...m, goOS: 'darwin' }),
  kernel: (m) => ({ ...m, kernel: 'Darwin' }),
  core: (m) => ({ ...m, core: '22.04' }),
  platform: (m) => ({ ...m, platform: 'arm64' }),
  os: (m) => ({ ...m, os: 'Debian' }),
  osVersion: (m) => ({ ...m, osVersion: '24.04' }),
  netbirdVersion: (m) => ({ ...m, netbirdVersion: '0.71.0' }),
  uiVersion: (m) => ({ ...m, uiVersion: '' }),
  kernelVersion: (m) => ({ ...m, kernelVersion: '6.5.0' }),
  networkAddresses: (m) => ({ ...m, networkAddresses: [...m.networkAddresses, { mac: 'aa:bb:cc:dd:ee:03', netIP: '172.16.0.1/12' }] }),
  sysSerialNumber: (m) => ({ ...m, sysSerialNumber: 'SN2' }),
  sysProductName: (m) => ({ ...m, sysProductName: 'XPS' }),
  sysManufacturer: (m) => ({ ...m, sysManufacturer: 'Dell' }),
  environment: (m) => ({ ...m, environment: { cloud: 'gcp', platform: 'ec2' } }),
  files: (m) => ({ ...m, files: m.files.slice(1) }),
  flags: (m) => ({ ...m, flags: { ...m.flags, disableDNS: true } }),
};

const flagNames: { [K in keyof PeerFlags]-?: true } = {
  rosenpassEnabled: true,
  rosenpassPermissive: true,
  serverSSHAllowed: true,
  disableClientRoutes: true,
  disableServerRoutes: true,
  disableDNS: true,
  disableFirewall: true,
  blockLANAccess: true,
  blockInbound: true,
  lazyConnectionEnabled: true,
};

/** Finer changes inside composite fields. */
const nestedChanges: Record<string, (m: PeerMeta) => PeerMeta> = {
  'address prefix, same MAC': (m) => ({
    ...m,
    networkAddresses: [{ mac: 'aa:bb:cc:dd:ee:01', netIP: '192.168.1.21/24' }, ...m.networkAddresses.slice(1)],
  }),
  'address MAC, same prefix': (m) => ({
    ...m,
    networkAddresses: [{ mac: 'aa:bb:cc:dd:ee:09', netIP: '192.168.1.20/24' }, ...m.networkAddresses.slice(1)],
  }),
  'address removed': (m) => ({ ...m, networkAddresses: m.networkAddresses.slice(1) }),
  'environment platform': (m) => ({ ...m, environment: { cloud: 'aws', platform: 'lambda' } }),
  'file exist': (m) => ({ ...m, files: [{ ...m.files[0]!, exist: false }, m.files[1]!] }),
  'file processIsRunning': (m) => ({ ...m, files: [{ ...m.files[0]!, processIsRunning: true }, m.files[1]!] }),
  'file path': (m) => ({ ...m, files: [{ ...m.files[0]!, path: '/usr/bin/c' }, m.files[1]!] }),
  'file added': (m) => ({ ...m, files: [...m.files, { path: '/opt/x', exist: true, processIsRunning: true }] }),
};

test('metaHash is a decimal unsigned 64-bit string and deterministic', () => {
  const h = metaHash(base);
  assert.match(h, /^(0|[1-9]\d*)$/);
  assert.ok(BigInt(h) < 1n << 64n);
  assert.equal(metaHash(makePeerMeta({ ...base })), h);
});

test('changing any meta field changes the hash', () => {
  const h = metaHash(base);
  for (const [field, change] of Object.entries(fieldChanges)) {
    assert.notEqual(metaHash(change(base)), h, field);
  }
});

test('toggling any single flag changes the hash, and each flag hashes differently', () => {
  const seen = new Set([metaHash(base)]);
  for (const name of Object.keys(flagNames) as (keyof PeerFlags)[]) {
    const h = metaHash({ ...base, flags: { ...base.flags, [name]: true } });
    assert.ok(!seen.has(h), name);
    seen.add(h);
  }
});

test('changes inside addresses, environment and files change the hash', () => {
  const h = metaHash(base);
  for (const [what, change] of Object.entries(nestedChanges)) {
    assert.notEqual(metaHash(change(base)), h, what);
  }
});

test('the order of addresses and files does not matter', () => {
  const reordered: PeerMeta = {
    ...base,
    networkAddresses: [...base.networkAddresses].reverse(),
    files: [...base.files].reverse(),
  };
  assert.equal(metaHash(reordered), metaHash(base));
  const sameMac: PeerMeta = {
    ...base,
    networkAddresses: [
      { mac: 'aa', netIP: '10.0.0.2/8' },
      { mac: 'aa', netIP: '10.0.0.1/8' },
    ],
  };
  assert.equal(metaHash({ ...sameMac, networkAddresses: [...sameMac.networkAddresses].reverse() }), metaHash(sameMac));
});

test('field boundaries are unambiguous', () => {
  const pairs: ReadonlyArray<readonly [string, PeerMeta, PeerMeta]> = [
    ['hostname/goOS', makePeerMeta({ hostname: 'ab', goOS: 'c' }), makePeerMeta({ hostname: 'a', goOS: 'bc' })],
    ['kernel/kernelVersion', makePeerMeta({ kernel: 'Linux5', kernelVersion: '' }), makePeerMeta({ kernel: 'Linux', kernelVersion: '5' })],
    ['same value, different field', makePeerMeta({ os: 'x' }), makePeerMeta({ platform: 'x' })],
    ['quote inside a value', makePeerMeta({ hostname: 'a","b' }), makePeerMeta({ hostname: 'a', goOS: 'b' })],
    [
      'mac/netIP',
      makePeerMeta({ networkAddresses: [{ mac: 'ab', netIP: 'c' }] }),
      makePeerMeta({ networkAddresses: [{ mac: 'a', netIP: 'bc' }] }),
    ],
    [
      'one address vs two',
      makePeerMeta({ networkAddresses: [{ mac: 'a,b', netIP: '' }] }),
      makePeerMeta({ networkAddresses: [{ mac: 'a', netIP: '' }, { mac: 'b', netIP: '' }] }),
    ],
    [
      'environment cloud/platform',
      makePeerMeta({ environment: { cloud: 'ab', platform: 'c' } }),
      makePeerMeta({ environment: { cloud: 'a', platform: 'bc' } }),
    ],
    [
      'file exist vs running',
      makePeerMeta({ files: [{ path: 'p', exist: true, processIsRunning: false }] }),
      makePeerMeta({ files: [{ path: 'p', exist: false, processIsRunning: true }] }),
    ],
  ];
  for (const [what, a, b] of pairs) {
    assert.notEqual(canonicalMeta(a), canonicalMeta(b), what);
    assert.notEqual(metaHash(a), metaHash(b), what);
  }
});

test('an empty meta hashes, and differently from a filled one', () => {
  assert.notEqual(metaHash(makePeerMeta()), metaHash(base));
});

/** The textbook BigInt definition, to check the limb arithmetic. */
function referenceFnv1a64(bytes: Uint8Array): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & ((1n << 64n) - 1n);
  return h;
}

test('fnv1a64 matches published vectors and the BigInt reference', () => {
  const enc = new TextEncoder();
  assert.equal(fnv1a64(enc.encode('')), 0xcbf29ce484222325n);
  assert.equal(fnv1a64(enc.encode('a')), 0xaf63dc4c8601ec8cn);
  assert.equal(fnv1a64(enc.encode('foobar')), 0x85944171f73967e8n);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => fnv1a64(bytes) === referenceFnv1a64(bytes)),
    { numRuns: 500 },
  );
});
