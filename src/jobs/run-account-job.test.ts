import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../domain/clock.js';
import type { ActivityKind, ActivityListener } from './peer-activity.js';
import { ACTIVITY_LOOK_SPACING_MS, runAccountJob, type AccountJob, type AccountLook } from './run-account-job.js';

class FakeActivity {
  readonly listeners = new Set<ActivityListener>();
  subscribe(l: ActivityListener) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  emit(accountId: string, kind: ActivityKind) {
    for (const l of this.listeners) l(accountId, kind);
  }
}

/** Polls with a real-time deadline (the job runs on its own timers). */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function harness(look: AccountJob['look'], opts: { initial?: string[]; wants?: (k: ActivityKind) => boolean } = {}) {
  const clock = new ManualClock(1_000_000);
  const activity = new FakeActivity();
  const looks: AccountLook[] = [];
  const warnings: object[] = [];
  const abort = new AbortController();
  const job: AccountJob = { name: 'test-job', wants: opts.wants ?? (() => true), look };
  const done = runAccountJob(
    job,
    {
      clock,
      activity,
      log: { info() {}, warn: (obj) => warnings.push(obj) },
      initialAccounts: async () => opts.initial ?? [],
      napMs: 2,
      retryMs: 3_000,
      onLook: (l) => looks.push(l),
    },
    abort.signal,
  );
  const lookNo = (n: number) => until(() => looks[n - 1], `look #${n}`);
  return { clock, activity, looks, warnings, abort, done, lookNo };
}

test('looks at start-up accounts, then again when the clock reaches the time the look returned', async () => {
  const h = harness(async (_id, now) => now + 60_000, { initial: ['A'] });
  const first = await h.lookNo(1);
  assert.deepEqual([first.accountId, first.at, first.next], ['A', 1_000_000, 1_060_000]);
  h.clock.advance(59_999);
  h.activity.emit('other', 'account'); // proves the loop is alive: this look comes first
  assert.equal((await h.lookNo(2)).accountId, 'other');
  assert.equal(h.looks.filter((l) => l.accountId === 'A').length, 1, 'not before its time');
  h.clock.advance(1);
  const again = await until(() => h.looks.find((l, i) => i > 1 && l.accountId === 'A'), 'the scheduled look');
  assert.equal(again.at, 1_060_000);
  h.abort.abort();
  await h.done;
  assert.equal(h.activity.listeners.size, 0, 'the subscription ends with the signal');
});

test('activity the job wants makes an immediate look; other activity does not', async () => {
  const h = harness(async () => undefined, { wants: (k) => k !== 'sso-peer' });
  h.activity.emit('A', 'sso-peer');
  h.activity.emit('B', 'ephemeral-peer');
  const look = await h.lookNo(1);
  assert.deepEqual([look.accountId, look.next], ['B', undefined]);
  h.abort.abort();
  await h.done;
  assert.equal(h.looks.length, 1);
});

test('a failed look is retried after the retry interval; a look is never rescheduled sooner than a second', async () => {
  let calls = 0;
  const h = harness(async (_id, now) => {
    calls++;
    if (calls === 1) throw new Error('store unavailable');
    return now - 5; // already past: clamped
  }, { initial: ['A'] });
  const failed = await h.lookNo(1);
  assert.deepEqual([failed.failed, failed.next], [true, 1_003_000]);
  assert.equal(h.warnings.length, 1);
  h.clock.advance(3_000);
  const retried = await h.lookNo(2);
  assert.deepEqual([retried.failed, retried.next], [false, retried.at + 1_000]);
  h.abort.abort();
  await h.done;
});

test('activity arriving during a look makes one more look, once the spacing has passed', async () => {
  let release: (() => void) | undefined;
  const h = harness(async () => {
    if (release === undefined) await new Promise<void>((r) => (release = r));
    return undefined;
  }, { initial: ['A'] });
  await until(() => release, 'the first look to start');
  h.activity.emit('A', 'account');
  h.activity.emit('A', 'account');
  release!();
  h.clock.advance(ACTIVITY_LOOK_SPACING_MS - 1);
  h.activity.emit('other', 'account'); // the loop is alive: this look comes, A's does not yet
  assert.equal((await h.lookNo(2)).accountId, 'other');
  h.clock.advance(1);
  assert.equal((await h.lookNo(3)).accountId, 'A');
  h.abort.abort();
  await h.done;
  assert.equal(h.looks.filter((l) => l.accountId === 'A').length, 2, 'two arrivals during one look: one more look');
});

test('a storm of activity costs one look per spacing, not one per arrival', async () => {
  const h = harness(async () => undefined, { initial: ['A'] });
  await h.lookNo(1);
  for (let i = 0; i < 100; i++) h.activity.emit('A', 'account');
  h.clock.advance(ACTIVITY_LOOK_SPACING_MS);
  await h.lookNo(2);
  for (let i = 0; i < 100; i++) h.activity.emit('A', 'account');
  h.activity.emit('B', 'account');
  await until(() => h.looks.find((l) => l.accountId === 'B'), 'B looked at');
  h.abort.abort();
  await h.done;
  assert.equal(h.looks.filter((l) => l.accountId === 'A').length, 2, '200 arrivals, two looks');
});
