import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LOG_LEVEL_KEY, runLogLevelOverrider } from './run-log-level-overrider.js';
import { MemoryRedisDouble, RecordingLogger, eventually } from './testing/index.js';

const KEY = 'test-log-level';

function start(redis: MemoryRedisDouble | undefined, { key }: { key?: string } = { key: KEY }) {
  const ac = new AbortController();
  const logger = new RecordingLogger();
  logger.level = 'info';
  const done = runLogLevelOverrider({ redis, ...(key === undefined ? {} : { key }), intervalMs: 20, logger, configuredLevel: 'info', signal: ac.signal });
  return { logger, done, stop: () => ac.abort() };
}

test('applies valid levels, ignores invalid ones, restores the configured level when the key goes', async (t) => {
  const redis = new MemoryRedisDouble();
  const { logger, stop } = start(redis);
  t.after(stop);
  const reads = redis.reads;
  await eventually(() => redis.reads >= reads + 2, 'reads');
  assert.equal(logger.level, 'info', 'missing key: configured level');

  redis.values.set(KEY, 'debug');
  await eventually(() => logger.level === 'debug', 'debug applied');
  redis.values.set(KEY, 'WARNING');
  await eventually(() => logger.level === 'warn', 'warning → warn');

  redis.values.set(KEY, 'loud');
  await eventually(() => logger.messages('warn').length === 1, 'invalid value warned about');
  const after = redis.reads;
  await eventually(() => redis.reads >= after + 3, 'more reads');
  assert.equal(logger.level, 'warn', 'invalid value ignored');
  assert.equal(logger.messages('warn').length, 1, 'warned once per distinct value');

  redis.values.set(KEY, 'trace');
  await eventually(() => logger.level === 'trace', 'trace applied');
  redis.values.delete(KEY);
  await eventually(() => logger.level === 'info', 'configured level restored');
  redis.values.set(KEY, '  ');
  await eventually(() => redis.reads >= after + 10, 'more reads');
  assert.equal(logger.level, 'info', 'empty value means no override');
  assert.equal(logger.messages('info').length, 4, 'one info line per change');
});

test('a read error keeps the current level, logged at debug', async (t) => {
  const redis = new MemoryRedisDouble();
  redis.values.set(KEY, 'error');
  const { logger, stop } = start(redis);
  t.after(stop);
  await eventually(() => logger.level === 'error', 'error applied');
  redis.failWith = new Error('connection lost');
  await eventually(() => logger.messages('debug').length >= 2, 'failures logged at debug');
  assert.equal(logger.level, 'error');
  redis.failWith = undefined;
  redis.values.delete(KEY);
  await eventually(() => logger.level === 'info', 'restored after recovery');
});

test('the default key is managementLogLevel', async (t) => {
  const redis = new MemoryRedisDouble();
  redis.values.set('managementLogLevel', 'debug');
  const { logger, stop } = start(redis, {});
  t.after(stop);
  await eventually(() => logger.level === 'debug', 'applied from the default key');
  assert.equal(redis.readKeys[0], DEFAULT_LOG_LEVEL_KEY);
});

test('no Redis: nothing runs and the level is untouched; abort resolves the routine', async () => {
  const none = start(undefined);
  await none.done;
  assert.equal(none.logger.level, 'info');
  assert.equal(none.logger.records.length, 0);

  const redis = new MemoryRedisDouble();
  const { done, stop } = start(redis);
  await eventually(() => redis.reads >= 1, 'a read');
  stop();
  await done;
  const reads = redis.reads;
  redis.values.set(KEY, 'debug');
  await new Promise((resolve) => setTimeout(resolve, 100)); // five intervals for a stopped loop to misbehave
  assert.equal(redis.reads, reads);
});
