import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
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

test('a reply that arrived while the process was stalled counts, not the expired timer', async (t) => {
  // A loopback "Redis" in a worker thread (its own event loop, like a real Redis) answers every
  // write at once; the reader stalls its event loop past the read timeout right after
  // sending, so the timer and the reply are both due when the loop comes back.
  const worker = new Worker(
    `const net = require('node:net');
     const { parentPort } = require('node:worker_threads');
     const s = net.createServer((c) => c.on('data', () => c.write('on')));
     s.listen(0, '127.0.0.1', () => parentPort.postMessage(s.address().port));`,
    { eval: true },
  );
  t.after(() => worker.terminate());
  const [port] = (await once(worker, 'message')) as [number];
  const sock = connect(port, '127.0.0.1');
  await once(sock, 'connect');
  t.after(() => sock.destroy());
  const redis = {
    get(): Promise<string | null> {
      const reply = once(sock, 'data').then(([b]) => String(b).trim());
      sock.write('GET\n');
      const until = performance.now() + 80;
      while (performance.now() < until) {
        // a synchronous stall of the whole process (e.g. a burst of map builds)
      }
      return reply;
    },
  };
  const seen: (string | null)[] = [];
  const errors: unknown[] = [];
  const ac = new AbortController();
  // Started from a check-phase callback, so the next loop turn runs the due timer before
  // it reads the socket: exactly the order a stall produces.
  const { done } = await new Promise<{ done: Promise<void> }>((r) =>
    setImmediate(() => r({ done: pollKey({ redis, key: 'k', intervalMs: 60_000, readTimeoutMs: 20, signal: ac.signal, onValue: (v) => seen.push(v), onError: (e) => errors.push(e) }) })),
  );
  await eventually(() => seen.length + errors.length >= 1, 'first read settled');
  ac.abort();
  await done;
  assert.deepEqual(errors, []);
  assert.deepEqual(seen, ['on']);
});
