import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SendGate } from './send-gate.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const turn = () => new Promise((r) => setImmediate(r));

test('at most `slots` sends run until written; the next starts when one is written', async () => {
  const gate = new SendGate(2, 60_000);
  const writes = [deferred(), deferred(), deferred()];
  const started: number[] = [];
  const runs = writes.map((w, i) =>
    gate.run(() => {
      started.push(i);
      return w.promise;
    }),
  );
  for (let i = 0; i < 5; i++) await turn();
  assert.deepEqual(started, [0, 1]);
  writes[1]!.resolve();
  await runs[1];
  for (let i = 0; i < 5; i++) await turn();
  assert.deepEqual(started, [0, 1, 2]);
  writes[0]!.resolve();
  writes[2]!.resolve();
  await Promise.all(runs);
  assert.equal(gate.inFlight, 0);
});

test('a send that is not written within holdMs frees its slot but its caller still waits', async () => {
  const gate = new SendGate(1, 5);
  const stuck = deferred();
  let stuckDone = false;
  const first = gate.run(() => stuck.promise).then(() => (stuckDone = true));
  await gate.run(async () => {}); // gets the slot once the hold time is over
  assert.equal(stuckDone, false);
  stuck.resolve();
  await first;
  assert.equal(stuckDone, true);
});

test('each send starts only after the event loop had a turn', async () => {
  const gate = new SendGate(4, 1_000);
  let ioRan = false;
  setImmediate(() => (ioRan = true));
  await gate.run(async () => assert.equal(ioRan, true));
});

test('errors reach the caller and free the slot, thrown or rejected, early or late', async () => {
  const gate = new SendGate(1, 5);
  await assert.rejects(
    gate.run(() => {
      throw new Error('build failed');
    }),
    /build failed/,
  );
  await assert.rejects(gate.run(() => Promise.reject(new Error('closed'))), /closed/);
  const late = deferred();
  const lateRun = gate.run(() => late.promise);
  await gate.run(async () => {}); // after the hold time
  late.reject(new Error('closed later'));
  await assert.rejects(lateRun, /closed later/);
  assert.equal(gate.inFlight, 0);
});
