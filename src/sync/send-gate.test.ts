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
const UNBOUNDED = { lingerBytes: Infinity, stallMs: 60_000 };

test('at most `slots` sends run until written; the next starts when one is written', async () => {
  const gate = new SendGate({ slots: 2, holdMs: 60_000, ...UNBOUNDED });
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
  const gate = new SendGate({ slots: 1, holdMs: 5, ...UNBOUNDED });
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
  const gate = new SendGate({ slots: 4, holdMs: 1_000, ...UNBOUNDED });
  let ioRan = false;
  setImmediate(() => (ioRan = true));
  await gate.run(async () => assert.equal(ioRan, true));
});

test('errors reach the caller and free the slot, thrown or rejected, early or late', async () => {
  const gate = new SendGate({ slots: 1, holdMs: 5, ...UNBOUNDED });
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

/** Polls (each poll an event-loop turn) until `cond` holds; fails after `ms`. */
async function until(cond: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

test('slow sends over the byte budget hold new sends back until one of them is written', async () => {
  const gate = new SendGate({ slots: 8, holdMs: 5, lingerBytes: 100, stallMs: 60_000 });
  const writes = [deferred(), deferred()];
  const runs = writes.map((w) => gate.run((weigh) => (weigh(60), w.promise)));
  await until(() => gate.lingeringBytes === 120, 'both sends to linger');
  assert.equal(gate.inFlight, 0, 'their slots are free');
  let started = false;
  const third = gate.run(async () => void (started = true));
  for (let i = 0; i < 20; i++) await turn();
  assert.equal(started, false, '120 lingering bytes ≥ the 100-byte budget');
  writes[0]!.resolve();
  await third;
  assert.equal(started, true);
  assert.equal(gate.lingeringBytes, 60);
  writes[1]!.resolve();
  await Promise.all(runs);
  assert.equal(gate.lingeringBytes, 0);
});

test('slow sends under the budget, and sends written within holdMs, hold nothing back', async () => {
  const cases: { name: string; weight: number; written: boolean; lingering: number }[] = [
    { name: 'under budget, unwritten', weight: 40, written: false, lingering: 40 },
    { name: 'over budget but written in time', weight: 500, written: true, lingering: 0 },
  ];
  for (const c of cases) {
    const gate = new SendGate({ slots: 1, holdMs: 5, lingerBytes: 100, stallMs: 60_000 });
    const w = deferred();
    const first = gate.run((weigh) => (weigh(c.weight), c.written ? Promise.resolve() : w.promise));
    if (c.written) await first;
    await gate.run(async () => {});
    assert.equal(gate.lingeringBytes, c.lingering, c.name);
    w.resolve();
    await first;
    assert.equal(gate.lingeringBytes, 0, c.name);
  }
});

test('a send never written stops counting after stallMs, so others go on', async () => {
  const gate = new SendGate({ slots: 4, holdMs: 5, lingerBytes: 100, stallMs: 30 });
  const stuck = deferred();
  const first = gate.run((weigh) => (weigh(1_000), stuck.promise));
  await until(() => gate.lingeringBytes === 1_000, 'the stuck send to linger');
  await gate.run(async () => {}); // waits for the stall time, then runs
  assert.equal(gate.lingeringBytes, 0);
  stuck.resolve();
  await first;
  assert.equal(gate.lingeringBytes, 0, 'not subtracted twice');
});

test('a slow send that fails stops counting and its caller sees the error', async () => {
  const gate = new SendGate({ slots: 1, holdMs: 5, lingerBytes: 100, stallMs: 60_000 });
  const w = deferred();
  const run = gate.run((weigh) => (weigh(500), w.promise));
  await until(() => gate.lingeringBytes === 500, 'the send to linger');
  w.reject(new Error('client gone'));
  await assert.rejects(run, /client gone/);
  assert.equal(gate.lingeringBytes, 0);
  await gate.run(async () => {});
});
