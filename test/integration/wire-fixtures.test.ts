import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { create, equals, fromBinary, toBinary } from '@bufbuild/protobuf';
import { SyncRequestSchema } from '../../src/gen/management_pb.js';
import { sharedPath } from '../harness/shared-dir.js';

/** Frozen bytes from real clients; read in place, never copied or regenerated. */
const fixtures = sharedPath('fixtures', 'sync_request_wire');
export const FIXTURE_DIR = fixtures.path;
/** Why tests reading the fixtures cannot run (no ../shared), or undefined: `test(name, { skip }, fn)`. */
export const FIXTURE_SKIP = fixtures.skip;

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
}

test('v0.20.0 fixture is an empty SyncRequest', { skip: FIXTURE_SKIP }, () => {
  const bytes = readFixture('v0_20_0.bin');
  assert.equal(bytes.length, 0);
  const req = fromBinary(SyncRequestSchema, bytes);
  assert.equal(req.meta, undefined);
});

for (const [file, host, kernel, version] of [
  ['v0_40_0.bin', 'v40-host', '4.15.0', '0.40.0'],
  ['v0_60_0.bin', 'v60-host', '5.15.0', '0.60.0'],
] as const) {
  test(`${file} decodes with our SyncRequest`, { skip: FIXTURE_SKIP }, () => {
    const req = fromBinary(SyncRequestSchema, readFixture(file));
    assert.equal(req.meta?.hostname, host);
    assert.equal(req.meta?.goOS, 'linux');
    assert.equal(req.meta?.kernel, kernel);
    assert.equal(req.meta?.platform, 'x86_64');
    assert.equal(req.meta?.OS, 'linux');
    assert.equal(req.meta?.netbirdVersion, version);
    // Re-encoding what we decoded gives the client's bytes back: no field is lost.
    assert.deepEqual(toBinary(SyncRequestSchema, req), readFixture(file));
  });
}

/** The `current` and `android_current` requests, generated from our own proto at test time. */
export function currentRequest(goOS: 'linux' | 'android'): Uint8Array {
  return toBinary(
    SyncRequestSchema,
    create(SyncRequestSchema, {
      meta: {
        hostname: goOS === 'linux' ? 'modern-host' : 'android-host',
        goOS,
        kernel: goOS === 'linux' ? 'Linux' : 'android',
        core: '12',
        platform: goOS === 'linux' ? 'x86_64' : 'arm64',
        OS: goOS === 'linux' ? 'Debian GNU/Linux' : 'android',
        netbirdVersion: '0.70.0',
        uiVersion: '0.70.0',
        kernelVersion: '6.5.0-rc1',
        OSVersion: '12',
        networkAddresses: [{ netIP: '192.168.1.20/24', mac: 'aa:bb:cc:dd:ee:ff' }],
        sysSerialNumber: 'SN-1',
        sysProductName: 'Box',
        sysManufacturer: 'Acme',
        environment: { cloud: '', platform: '' },
        files: [{ path: '/usr/bin/true', exist: true, processIsRunning: false }],
        flags: { rosenpassEnabled: false, serverSSHAllowed: true, lazyConnectionEnabled: true, blockInbound: true },
      },
    }),
  );
}

test('current and android_current are generated at test time and round-trip', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-fixtures-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, os] of [['current.bin', 'linux'], ['android_current.bin', 'android']] as const) {
    const bytes = currentRequest(os);
    writeFileSync(join(dir, name), bytes);
    const back = fromBinary(SyncRequestSchema, new Uint8Array(readFileSync(join(dir, name))));
    assert.equal(back.meta?.goOS, os);
    assert.ok(equals(SyncRequestSchema, back, fromBinary(SyncRequestSchema, bytes)));
    assert.deepEqual(toBinary(SyncRequestSchema, back), bytes);
  }
});
