import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollKey } from './poll-key.js';
import { MemoryRedisDouble, eventually } from './testing/index.js';

test('reads at once, then every interval, reporting values and missing keys', async () => {
  const redis = new MemoryRedisDouble();
  const seen: (string | null)[] = [];
  const ac = new AbortController();
  const done = pollKey({ redis, key: 'k', intervalMs: 10_000, readTimeoutMs: 1_000, signal: ac.signal, onValue: (v) => seen.push(v), onError: (e) => assert.fail(String(e)) });
  await eventually(() => seen.length === 1, 'first read without waiting an interval');
  assert.deepEqual(seen, [null]);
  ac.abort();
  await done;

  redis.values.set('k', 'v');
  const seen2: (string | null)[] = [];
  const ac2 = new AbortController();
  const done2 = pollKey({ redis, key: 'k', intervalMs: 10, readTimeoutMs: 1_000, signal: ac2.signal, onValue: (v) => seen2.push(v), onError: (e) => assert.fail(String(e)) });
  await eventually(() => seen2.length >= 3, 'repeated reads');
  ac2.abort();
  await done2;
  assert.ok(seen2.every((v) => v === 'v'));
});

test('errors and timeouts are reported through onError', async () => {
  const redis = new MemoryRedisDouble();
  redis.failWith = new Error('boom');
  const errors: unknown[] = [];
  const ac = new AbortController();
  const done = pollKey({ redis, key: 'k', intervalMs: 10, readTimeoutMs: 20, signal: ac.signal, onValue: () => assert.fail('no value expected'), onError: (e) => errors.push(e) });
  await eventually(() => errors.length >= 1, 'error reported');
  assert.equal((errors[0] as Error).message, 'boom');
  redis.failWith = undefined;
  redis.hang = true;
  const before = errors.length;
  await eventually(() => errors.some((e) => /timed out/.test((e as Error).message)), 'timeout reported');
  assert.ok(errors.length > before);
  ac.abort();
  await done;
});

test('the loop resolves when the signal aborts, also mid-read, and reports nothing after', async () => {
  const redis = new MemoryRedisDouble();
  redis.hang = true;
  const reports: unknown[] = [];
  const ac = new AbortController();
  const done = pollKey({ redis, key: 'k', intervalMs: 10, readTimeoutMs: 50, signal: ac.signal, onValue: (v) => reports.push(v), onError: (e) => reports.push(e) });
  await eventually(() => redis.reads === 1, 'read started');
  ac.abort();
  await done; // the pending read times out, is ignored, and the loop ends
  assert.deepEqual(reports, []);
  assert.equal(redis.reads, 1);
});

test('an already aborted signal reads nothing', async () => {
  const redis = new MemoryRedisDouble();
  await pollKey({ redis, key: 'k', intervalMs: 10, readTimeoutMs: 50, signal: AbortSignal.abort(), onValue: () => assert.fail('no read expected'), onError: () => assert.fail('no read expected') });
  assert.equal(redis.reads, 0);
});

test('a throwing callback ends the loop with that error', async () => {
  const redis = new MemoryRedisDouble();
  const ac = new AbortController();
  const done = pollKey({
    redis,
    key: 'k',
    intervalMs: 10,
    readTimeoutMs: 50,
    signal: ac.signal,
    onValue: () => {
      throw new Error('callback bug');
    },
    onError: () => assert.fail('a callback error is not a read error'),
  });
  await assert.rejects(done, /callback bug/);
  ac.abort();
});
