import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../domain/clock.js';
import { auditPruneCutoff, runAuditPruneJob } from './audit-prune-job.js';

test('auditPruneCutoff: retention 0 keeps forever, else now minus retention', () => {
  const cases: [number, number, number | undefined][] = [
    [1_000_000, 0, undefined],
    [1_000_000, 1000, 999_000],
    [1_000_000, 1_000_000, 0],
  ];
  for (const [now, retention, want] of cases) assert.equal(auditPruneCutoff(now, retention), want, `${now} ${retention}`);
});

/** Resolves once `cond` holds, checking on every turn of the event loop (no fixed sleep). */
async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

test('runAuditPruneJob prunes at start and every interval, survives a failure, ends with its signal', async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 31));
  const cutoffs: number[] = [];
  const warned: object[] = [];
  const events = {
    async deleteOlderThan(cutoff: number) {
      cutoffs.push(cutoff);
      if (cutoffs.length === 2) throw new Error('store down');
      return 1;
    },
  };
  const abort = new AbortController();
  const done = runAuditPruneJob({ events, clock, log: { info() {}, warn: (o) => warned.push(o) }, retentionMs: 86_400_000, intervalMs: 1 }, abort.signal);
  await until(() => cutoffs.length >= 3, 'three prunes');
  abort.abort();
  await done;
  assert.equal(cutoffs[0], Date.UTC(2026, 0, 30));
  assert.equal(warned.length, 1, 'the failed prune is logged once and retried');
});

test('runAuditPruneJob with retention 0 does nothing and returns', async () => {
  let calls = 0;
  const events = { deleteOlderThan: async () => ++calls };
  await runAuditPruneJob({ events, clock: new ManualClock(), log: { info() {}, warn() {} }, retentionMs: 0 }, new AbortController().signal);
  assert.equal(calls, 0);
});
