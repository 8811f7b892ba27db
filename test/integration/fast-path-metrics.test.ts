/**
 * The fast-path metrics as Prometheus exposes them: `roost_sync_requests_total` by path and
 * slow-path reason, the fast-path latency histogram, and `roost_fast_path_enabled` following
 * the switch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import { readMetric } from '../harness/read-metric.js';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { syncOnce } from '../harness/sync-once.js';
import { linuxMeta } from '../harness/test-agent.js';

test('every path and reason exercised shows up in the metrics', async (t) => {
  let armed = false;
  let moveSerial = async (): Promise<void> => {};
  const s = await startFastPathServer(t, {
    overrides: {
      afterFastPathEligibility: async () => {
        if (!armed) return;
        armed = false;
        await moveSerial();
      },
    },
  });
  moveSerial = async () => {
    await createGroupService(s.seed.deps).create(s.seed.accountId, { name: 'raced' });
  };
  const port = s.server.ports.metrics;
  const requests = (path: string, reason: string) => readMetric(port, 'roost_sync_requests_total', { path, reason });
  const meta = linuxMeta('linux-host');

  assert.equal(await readMetric(port, 'roost_fast_path_enabled'), 1);
  const a = await s.enrol(meta);
  await syncOnce(a, s.app, { meta });
  assert.equal(await requests('slow', 'cache_miss'), 1);

  const fast = await syncOnce(a, s.app, { meta });
  assert.equal(fast.networkMap, undefined);
  assert.equal(await requests('fast', 'none'), 1);
  assert.equal(await readMetric(port, 'roost_sync_fast_duration_seconds_count'), 1);
  assert.ok((await readMetric(port, 'roost_sync_fast_duration_seconds_sum'))! > 0);

  const renamed = linuxMeta('renamed-host');
  await syncOnce(a, s.app, { meta: renamed });
  assert.equal(await requests('slow', 'meta_mismatch'), 1);
  await syncOnce(a, s.app, { meta: renamed });
  assert.equal(await requests('fast', 'none'), 2, 'the full Sync recorded the new meta hash');

  const droid = { hostname: 'pixel', goOS: 'android', netbirdVersion: '0.70.0' };
  const c = await s.enrol(droid);
  await syncOnce(c, s.app, { meta: droid });
  await syncOnce(c, s.app, { meta: droid });
  assert.equal(await requests('slow', 'android'), 2);

  // Both registrations moved the serial since A's entry was written.
  await s.enrol(linuxMeta('other-host'));
  await syncOnce(a, s.app, { meta: renamed });
  assert.equal(await requests('slow', 'serial_mismatch'), 1);

  armed = true;
  await syncOnce(a, s.app, { meta: renamed });
  assert.equal(armed, false);
  assert.equal(await requests('slow', 'race'), 1);

  s.flag.set(false);
  assert.equal(await readMetric(port, 'roost_fast_path_enabled'), 0);
  await syncOnce(a, s.app, { meta: renamed });
  assert.equal(await requests('slow', 'flag_off'), 1);

  // Totals agree: 2 fast, 7 slow Syncs, each timed once.
  assert.equal(await readMetric(port, 'roost_sync_fast_duration_seconds_count'), 2);
  assert.equal(await readMetric(port, 'roost_sync_slow_duration_seconds_count'), 7);
  assert.equal(await requests('slow', 'zero_serial'), undefined, 'never exercised: a registered peer makes the serial non-zero');
});
