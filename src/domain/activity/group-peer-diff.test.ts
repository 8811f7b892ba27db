import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupPeerDiff } from './group-peer-diff.js';

test('groupPeerDiff: added and removed members', () => {
  const cases: [string[], string[], string[], string[]][] = [
    [[], [], [], []],
    [[], ['a', 'b'], ['a', 'b'], []],
    [['a', 'b'], [], [], ['a', 'b']],
    [['a', 'b'], ['b', 'c'], ['c'], ['a']],
    [['a'], ['a'], [], []],
  ];
  for (const [before, after, added, removed] of cases) {
    assert.deepEqual(groupPeerDiff(before, after), { added, removed }, `${before} → ${after}`);
  }
});
