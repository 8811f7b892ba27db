import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disabledFastPathFlag } from './fast-path-flag.js';
import { DEFAULT_FAST_PATH_FLAG_KEY, runFastPathFlagRoutine } from './run-fast-path-flag-routine.js';
import { MemoryRedisDouble, RecordingLogger, eventually } from './testing/index.js';

const KEY = 'test-flag';

function start(redis: MemoryRedisDouble | undefined, extra: { key?: string; readTimeoutMs?: number } = {}) {
  const ac = new AbortController();
  const logger = new RecordingLogger();
  const flag = runFastPathFlagRoutine({ redis, key: KEY, intervalMs: 20, logger, signal: ac.signal, ...extra });
  return { flag, logger, stop: () => ac.abort() };
}

/** Waits until the routine has read at least `n` more times. */
async function moreReads(redis: MemoryRedisDouble, n = 2): Promise<void> {
  const target = redis.reads + n;
  await eventually(() => redis.reads >= target, `${n} more reads`);
}

test('follows the key: missing off, 1 on, 0 off, deleted off, true on', async (t) => {
  const redis = new MemoryRedisDouble();
  const { flag, logger, stop } = start(redis);
  t.after(stop);
  assert.equal(flag.enabled(), false, 'off before any read');
  await moreReads(redis);
  assert.equal(flag.enabled(), false, 'missing key keeps it off');

  redis.values.set(KEY, '1');
  await eventually(() => flag.enabled(), 'on after SET 1');
  redis.values.set(KEY, '0');
  await eventually(() => !flag.enabled(), 'off after SET 0');
  redis.values.set(KEY, '1');
  await eventually(() => flag.enabled(), 'on again');
  redis.values.delete(KEY);
  await eventually(() => !flag.enabled(), 'off after DEL');
  redis.values.set(KEY, 'true');
  await eventually(() => flag.enabled(), 'on after SET true');
  redis.values.set(KEY, 'yes');
  await eventually(() => !flag.enabled(), 'off for an unrecognised value');
  assert.deepEqual(logger.messages('info'), [
    'Sync fast path enabled',
    'Sync fast path disabled',
    'Sync fast path enabled',
    'Sync fast path disabled',
    'Sync fast path enabled',
    'Sync fast path disabled',
  ]);
});

test('a missing key keeps the flag off over many reads', async (t) => {
  const redis = new MemoryRedisDouble();
  const { flag, stop } = start(redis);
  t.after(stop);
  await moreReads(redis, 5);
  assert.equal(flag.enabled(), false);
});

test('fails closed on a read error and recovers on a later good read', async (t) => {
  const redis = new MemoryRedisDouble();
  redis.values.set(KEY, '1');
  const { flag, logger, stop } = start(redis);
  t.after(stop);
  await eventually(() => flag.enabled(), 'on from the seeded value');

  redis.failWith = new Error('READONLY injected');
  await eventually(() => !flag.enabled(), 'off on read error');
  await moreReads(redis, 3);
  assert.equal(flag.enabled(), false, 'stays off while reads fail');
  assert.equal(logger.messages('error').length, 1, 'first failure at error, repeats at debug');
  assert.ok(logger.messages('debug').length >= 2);

  redis.failWith = undefined;
  await eventually(() => flag.enabled(), 'on again after the error clears');
  assert.ok(logger.messages('info').includes('fast-path switch readable again'));
});

test('a read that hangs past the timeout disables the flag', async (t) => {
  const redis = new MemoryRedisDouble();
  redis.values.set(KEY, 'TRUE');
  const { flag, stop } = start(redis, { readTimeoutMs: 30 });
  t.after(stop);
  await eventually(() => flag.enabled(), 'on');
  redis.hang = true;
  await eventually(() => !flag.enabled(), 'off after a timed-out read');
  redis.hang = false;
  await eventually(() => flag.enabled(), 'on after reads answer again');
});

test('without Redis the flag is permanently off, logged once', async () => {
  const ac = new AbortController();
  const logger = new RecordingLogger();
  const flag = runFastPathFlagRoutine({ redis: undefined, intervalMs: 20, logger, signal: ac.signal });
  assert.equal(flag, disabledFastPathFlag);
  assert.equal(flag.enabled(), false);
  flag.set(true);
  assert.equal(flag.enabled(), false);
  assert.equal(logger.records.length, 1);
  ac.abort();
});

test('the default key is peerSyncFastPath, also when the key is empty', async (t) => {
  for (const key of [undefined, '']) {
    const redis = new MemoryRedisDouble();
    redis.values.set('peerSyncFastPath', '1');
    const ac = new AbortController();
    t.after(() => ac.abort());
    const flag = runFastPathFlagRoutine({ redis, ...(key === undefined ? {} : { key }), intervalMs: 20, logger: new RecordingLogger(), signal: ac.signal });
    await eventually(() => flag.enabled(), `on via the default key (key=${JSON.stringify(key)})`);
    assert.equal(redis.readKeys[0], DEFAULT_FAST_PATH_FLAG_KEY);
  }
});

test('the routine stops reading when the signal aborts', async () => {
  const redis = new MemoryRedisDouble();
  const { flag, stop } = start(redis);
  await moreReads(redis, 2);
  stop();
  const readsAtStop = redis.reads;
  redis.values.set(KEY, '1');
  // Nothing to wait *for* here: give the stopped loop ten intervals to misbehave.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(redis.reads, readsAtStop);
  assert.equal(flag.enabled(), false);
});

test('if the loop dies, the flag is left off', async (t) => {
  const redis = new MemoryRedisDouble();
  redis.values.set(KEY, '1');
  const ac = new AbortController();
  t.after(() => ac.abort());
  const logger = new RecordingLogger();
  let infos = 0;
  logger.info = () => {
    if (++infos === 1) throw new Error('logger broke');
  };
  const flag = runFastPathFlagRoutine({ redis, key: KEY, intervalMs: 20, logger, signal: ac.signal });
  await eventually(() => logger.messages('error').includes('fast-path switch routine stopped unexpectedly; fast path disabled'), 'loop death logged');
  assert.equal(flag.enabled(), false);
});
