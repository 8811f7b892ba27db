/**
 * Frozen SyncRequest bytes of real clients replayed through the envelope with the fast path on
 * (SEMANTICS.md §8.2): what every client generation gets on its first Sync and on a reconnect.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBinary } from '@bufbuild/protobuf';
import { SyncRequestSchema, type SyncResponse } from '../../src/gen/management_pb.js';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { linuxMeta, type MetaInit } from '../harness/test-agent.js';
import { FIXTURE_SKIP, currentRequest, readFixture } from './wire-fixtures.test.js';

/** The meta a client of that fixture logs in with (its Sync meta; a plain Linux one for v0.20). */
function loginMetaOf(inner: Uint8Array): MetaInit {
  return fromBinary(SyncRequestSchema, inner).meta ?? linuxMeta('v20-host', { netbirdVersion: '0.20.0' });
}

function hasFullMap(msg: SyncResponse): boolean {
  return msg.networkMap !== undefined && msg.networkMap.serial > 0n && msg.netbirdConfig !== undefined;
}

function isConfigOnly(msg: SyncResponse): boolean {
  return msg.networkMap === undefined && msg.peerConfig === undefined && msg.remotePeers.length === 0 && msg.netbirdConfig !== undefined;
}

describe('wire fixtures with the fast path on', () => {
  for (const file of ['v0_20_0.bin', 'v0_40_0.bin', 'v0_60_0.bin']) {
    test(`${file}: the first Sync of a fresh server and peer is full`, { skip: FIXTURE_SKIP }, async (t) => {
      const s = await startFastPathServer(t);
      const innerBytes = readFixture(file);
      const a = await s.enrol(loginMetaOf(innerBytes));
      assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })));
    });
  }

  test('android_current: a reconnect never skips the map', async (t) => {
    const s = await startFastPathServer(t);
    const innerBytes = currentRequest('android');
    const a = await s.enrol(loginMetaOf(innerBytes));
    assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })), 'first Sync');
    assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })), 'reconnect');
  });

  test('current: a reconnect takes the fast path', async (t) => {
    const s = await startFastPathServer(t);
    const innerBytes = currentRequest('linux');
    const a = await s.enrol(loginMetaOf(innerBytes));
    assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })), 'first Sync');
    assert.ok(isConfigOnly(await syncOnce(a, s.app, { innerBytes })), 'reconnect');
  });

  /*
   * Legacy reconnects get the fast path too, as upstream's (SEMANTICS.md §8.2): their meta hash
   * matches the cached one, and nothing in a SyncRequest tells an old client apart. That is safe:
   * every client since v0.20 keeps its state when a message has no NetworkMap (PROTOCOL.md §6.6),
   * and a client that starts fresh (new process, new engine) always Logs in first, which deletes
   * the entry — so only an engine that already holds the current map is ever skipped. A v0.20
   * client sends no meta at all; it is judged by the goOS stored at its Login (linux here).
   */
  for (const file of ['v0_40_0.bin', 'v0_20_0.bin']) {
    test(`${file}: a reconnect without a Login in between takes the fast path (documented trade-off)`, { skip: FIXTURE_SKIP }, async (t) => {
      const s = await startFastPathServer(t);
      const innerBytes = readFixture(file);
      const a = await s.enrol(loginMetaOf(innerBytes));
      assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })), 'first Sync');
      assert.ok(isConfigOnly(await syncOnce(a, s.app, { innerBytes })), 'reconnect');
      // A restarted client Logs in first: its next Sync is full again.
      await a.login({ meta: loginMetaOf(innerBytes) });
      assert.ok(hasFullMap(await syncOnce(a, s.app, { innerBytes })), 'Sync after Login');
    });
  }
});
