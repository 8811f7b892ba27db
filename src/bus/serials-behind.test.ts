import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialsBehind } from './serials-behind.js';

test('serialsBehind reports accounts whose store serial moved past ours', () => {
  const cases: [string, [string, number][], [string, number][], { accountId: string; serial: number }[]][] = [
    ['nothing known', [], [['a', 3]], []],
    ['in step', [['a', 3]], [['a', 3]], []],
    ['moved', [['a', 3], ['b', 1]], [['a', 5], ['b', 1]], [{ accountId: 'a', serial: 5 }]],
    ['ours newer (a read raced a commit)', [['a', 6]], [['a', 5]], []],
    ['deleted account', [['a', 2]], [], [{ accountId: 'a', serial: -1 }]],
  ];
  for (const [name, known, stored, want] of cases) assert.deepEqual(serialsBehind(new Map(known), new Map(stored)), want, name);
});
