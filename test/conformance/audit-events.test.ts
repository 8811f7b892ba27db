/**
 * The audit log's store on each engine: events recorded in a transaction exist only if it
 * commits; listings are per account, newest first, filtered and paged the same way on both
 * engines; meta reads back as written; pruning deletes by age across accounts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityEvent } from '../../src/domain/activity/activity-event.js';
import { Activity } from '../../src/domain/activity/activity-codes.js';
import { pruneAuditEvents } from '../../src/jobs/audit-prune-job.js';
import type { Store } from '../../src/store/index.js';
import { storeEngines } from './store-engines.js';

const ENGINES = await storeEngines('audit');

const event = (over: Partial<ActivityEvent> = {}): ActivityEvent => ({
  accountId: 'acc-a',
  activity: Activity.GroupCreated,
  initiatorId: 'user-1',
  targetId: 'target-1',
  meta: { name: 'g' },
  timestamp: Date.UTC(2026, 0, 1),
  ...over,
});

for (const engine of ENGINES) {
  describe(`audit events on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('an event recorded in a rolled-back transaction does not exist; a committed one does', async () => {
      await assert.rejects(
        store.withTx(async (tx) => {
          await tx.activity.record([event({ accountId: 'acc-tx', targetId: 'rolled-back' })]);
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal((await store.repos.activity.list('acc-tx', {})).total, 0);
      await store.withTx((tx) => tx.activity.record([event({ accountId: 'acc-tx', targetId: 'kept' })]));
      const page = await store.repos.activity.list('acc-tx', {});
      assert.deepEqual(page.events.map((e) => e.targetId), ['kept']);
      assert.equal(page.total, 1);
    });

    test('meta of every JSON kind reads back as written; IDs increase', async () => {
      const meta = { s: 'text', n: 300, f: 1.5, b: false, nil: null, list: ['a', 'b'], obj: { k: 'v' }, unicode: 'Zürich ✓' };
      await store.repos.activity.record([event({ accountId: 'acc-meta', meta }), event({ accountId: 'acc-meta', meta: {} })]);
      const { events } = await store.repos.activity.list('acc-meta', {});
      assert.equal(events.length, 2);
      const [newer, older] = events;
      assert.ok(newer !== undefined && older !== undefined);
      assert.ok(newer.id > older.id, 'newest first, by increasing ID');
      assert.deepEqual(older.meta, meta);
      assert.deepEqual(newer.meta, {});
      assert.equal(older.timestamp, Date.UTC(2026, 0, 1));
      assert.equal(typeof older.id, 'number');
    });

    test('a record call of 5,000 events (a group update of a large account) is stored whole', async () => {
      const many = Array.from({ length: 5_000 }, (_, i) => event({ accountId: 'acc-many', targetId: `p${i}` }));
      await store.withTx((tx) => tx.activity.record(many));
      const page = await store.repos.activity.list('acc-many', { limit: 1 });
      assert.equal(page.total, 5_000);
      assert.equal(page.events[0]?.targetId, 'p4999', 'stored in the order given');
    });

    test('listing: per account, newest first, filters and pages', async () => {
      const t0 = Date.UTC(2026, 1, 1);
      const batch: ActivityEvent[] = [];
      for (let i = 0; i < 12; i++) {
        batch.push(
          event({
            accountId: 'acc-list',
            activity: i % 3 === 0 ? Activity.PeerAddedWithSetupKey : Activity.GroupCreated,
            initiatorId: i % 2 === 0 ? 'alice' : 'bob',
            targetId: `t${i}`,
            timestamp: t0 + i * 1000,
          }),
        );
      }
      await store.repos.activity.record(batch);
      await store.repos.activity.record([event({ accountId: 'acc-other', targetId: 'elsewhere' })]);
      const repo = store.repos.activity;
      const all = await repo.list('acc-list', {});
      assert.deepEqual(all.events.map((e) => e.targetId), batch.map((e) => e.targetId).reverse());
      assert.equal(all.total, 12);
      assert.ok(all.events.every((e) => e.accountId === 'acc-list'));

      const page2 = await repo.list('acc-list', { limit: 5, offset: 5 });
      assert.deepEqual(page2.events.map((e) => e.targetId), ['t6', 't5', 't4', 't3', 't2']);
      assert.equal(page2.total, 12);
      const last = await repo.list('acc-list', { limit: 5, offset: 10 });
      assert.deepEqual(last.events.map((e) => e.targetId), ['t1', 't0']);
      const offsetOnly = await repo.list('acc-list', { offset: 10 });
      assert.deepEqual(offsetOnly.events.map((e) => e.targetId), ['t1', 't0']);

      const peers = await repo.list('acc-list', { activities: [Activity.PeerAddedWithSetupKey] });
      assert.deepEqual(peers.events.map((e) => e.targetId), ['t9', 't6', 't3', 't0']);
      assert.equal((await repo.list('acc-list', { activities: [] })).total, 0);
      const bobs = await repo.list('acc-list', { initiatorId: 'bob', limit: 2 });
      assert.deepEqual(bobs.events.map((e) => e.targetId), ['t11', 't9']);
      assert.equal(bobs.total, 6);
      assert.deepEqual((await repo.list('acc-list', { targetId: 't4' })).events.map((e) => e.targetId), ['t4']);
      const window = await repo.list('acc-list', { from: t0 + 3000, until: t0 + 5000 });
      assert.deepEqual(window.events.map((e) => e.targetId), ['t5', 't4', 't3']);
    });

    test('prune deletes events older than the retention in every account, keeps the rest', async () => {
      const now = Date.UTC(2026, 5, 1);
      const day = 86_400_000;
      await store.repos.activity.record([
        event({ accountId: 'acc-p1', targetId: 'old', timestamp: now - 40 * day }),
        event({ accountId: 'acc-p1', targetId: 'new', timestamp: now - 1 * day }),
        event({ accountId: 'acc-p2', targetId: 'old2', timestamp: now - 31 * day }),
      ]);
      const logged: object[] = [];
      const log = { info: (o: object) => logged.push(o), warn: () => undefined };
      const clock = { now: () => now };
      assert.equal(await pruneAuditEvents({ events: store.repos.activity, clock, log, retentionMs: 0 }), 0, '0 keeps forever');
      const deleted = await pruneAuditEvents({ events: store.repos.activity, clock, log, retentionMs: 30 * day });
      assert.ok(deleted >= 2, `deleted ${deleted}`);
      assert.deepEqual((await store.repos.activity.list('acc-p1', {})).events.map((e) => e.targetId), ['new']);
      assert.equal((await store.repos.activity.list('acc-p2', {})).total, 0);
      assert.equal(logged.length, 1);
    });
  });
}
