import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoostError } from '../domain/errors.js';
import { waitForDatabase } from './wait-for-database.js';

const down = () => new RoostError('Unavailable', 'the database is unavailable', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') });

/** A task failing with `errors` in turn, then answering 'ok'; sleeps are recorded, not waited. */
function scripted(errors: unknown[]) {
  const warned: { obj: Record<string, unknown>; msg: string }[] = [];
  const slept: number[] = [];
  let calls = 0;
  const task = async () => {
    const err = errors[calls++];
    if (err !== undefined) throw err;
    return 'ok';
  };
  const opts = {
    log: { warn: (obj: object, msg: string) => warned.push({ obj: obj as Record<string, unknown>, msg }) },
    sleep: async (ms: number) => void slept.push(ms),
  };
  return { task, opts, warned, slept, calls: () => calls };
}

test('waitForDatabase retries Unavailable with the backoff, logging why each time', async () => {
  const s = scripted([down(), down(), down()]);
  assert.equal(await waitForDatabase(s.task, s.opts), 'ok');
  assert.equal(s.calls(), 4);
  assert.deepEqual(s.slept, [500, 1_000, 2_000]);
  assert.equal(s.warned.length, 3);
  assert.match(s.warned[0]!.msg, /database unavailable at start-up \(connect ECONNREFUSED 127\.0\.0\.1:5432\); retrying in 500 ms/);
  assert.deepEqual([s.warned[2]!.obj['attempt'], s.warned[2]!.obj['retryInMs']], [3, 2_000]);
  assert.ok(s.warned[0]!.obj['err'] instanceof Error);
});

test('waitForDatabase throws any other error at once, without waiting', async () => {
  for (const err of [new RoostError('Internal', 'store migration 0002 failed'), Object.assign(new Error('password authentication failed'), { code: '28P01' })]) {
    const s = scripted([err]);
    await assert.rejects(waitForDatabase(s.task, s.opts), (e) => e === err);
    assert.deepEqual([s.calls(), s.slept.length, s.warned.length], [1, 0, 0]);
  }
});

test('waitForDatabase: an abort during the pause ends the wait; an aborted signal starts nothing', async () => {
  const ac = new AbortController();
  let calls = 0;
  const task = async () => {
    calls++;
    throw down();
  };
  // The real pause: aborting it must reject at once, not after 10 s.
  const waiting = waitForDatabase(task, { log: { warn: () => ac.abort() }, signal: ac.signal, delayMs: () => 10_000 });
  await assert.rejects(waiting, { name: 'AbortError' });
  assert.equal(calls, 1);
  await assert.rejects(waitForDatabase(task, { log: { warn: () => undefined }, signal: ac.signal }), { name: 'AbortError' });
  assert.equal(calls, 1);
});
