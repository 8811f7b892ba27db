import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PushTracker, type PushedChange } from './push-tracker.js';

function tracker(max?: number) {
  const reports: PushedChange[] = [];
  return { t: new PushTracker((c) => reports.push(c), max), reports };
}

test('commit → sent runs from the oldest change a push carries; a change is reported once every stream has it', () => {
  const { t, reports } = tracker();
  t.committed('a', 5, 1000, 2);
  t.committed('a', 6, 1010, 2);
  assert.equal(t.delivered('a', 4, 6, 1100), 100, 'first stream: both changes in one map, from 5');
  assert.deepEqual(reports, []);
  assert.equal(t.delivered('a', 4, 5, 1200), 200, 'second stream got 5 first');
  assert.deepEqual(reports, [{ accountId: 'a', serial: 5, streams: 2, reached: 2, ms: 200 }]);
  assert.equal(t.delivered('a', 5, 6, 1300), 290);
  assert.deepEqual(reports.at(-1), { accountId: 'a', serial: 6, streams: 2, reached: 2, ms: 290 });
  assert.equal(t.delivered('a', 6, 6, 1400), undefined, 'nothing new');
  assert.equal(t.delivered('b', 0, 9, 1400), undefined, 'never followed');
});

test('changes no stream here gets are not followed; stragglers close with a newer completed change', () => {
  const { t, reports } = tracker();
  t.committed('a', 1, 0, 0);
  t.committed('a', 2, 10, 2); // one of its streams ends before it is sent
  t.committed('a', 2, 12, 0); // the same serial again, reaching nobody (an identity-only message)
  t.committed('a', 3, 20, 1);
  assert.equal(t.delivered('a', 0, 1, 30), undefined, 'serial 1 was never followed');
  assert.deepEqual(reports, []);
  t.delivered('a', 1, 3, 50);
  assert.deepEqual(reports, [
    { accountId: 'a', serial: 2, streams: 2, reached: 1, ms: 40 },
    { accountId: 'a', serial: 3, streams: 1, reached: 1, ms: 30 },
  ]);
});

test('bounded per account and in accounts', () => {
  const { t, reports } = tracker(2);
  for (let s = 1; s <= 40; s++) t.committed('a', s, s, 1);
  assert.equal(reports.length, 24, 'the oldest changes were reported as they stood');
  assert.equal(t.delivered('a', 0, 10, 100), undefined);
  t.committed('b', 1, 0, 1);
  t.committed('c', 1, 0, 1);
  assert.equal(reports.length, 40, 'the oldest account made room');
  assert.equal(t.delivered('c', 0, 1, 5), 5);
});
