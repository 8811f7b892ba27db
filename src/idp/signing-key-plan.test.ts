import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signingKeyPlan, type KeyAge } from './signing-key-plan.js';

const rule = { rotateAfterMs: 100, keepMs: 30 };

test('signingKeyPlan creates the first key, rotates when due and keeps the old key while its tokens live', () => {
  const table: [string, KeyAge[], number, ReturnType<typeof signingKeyPlan>][] = [
    ['no key', [], 0, { create: 1 }],
    ['fresh key', [{ generation: 1, createdAtMs: 0 }], 50, {}],
    ['due', [{ generation: 1, createdAtMs: 0 }], 100, { create: 2 }],
    ['just rotated: old key kept', [{ generation: 2, createdAtMs: 100 }, { generation: 1, createdAtMs: 0 }], 110, {}],
    ['old key past its tokens', [{ generation: 2, createdAtMs: 100 }, { generation: 1, createdAtMs: 0 }], 130, { pruneBelow: 2 }],
    [
      'two old keys, one still needed',
      [{ generation: 3, createdAtMs: 200 }, { generation: 2, createdAtMs: 100 }, { generation: 1, createdAtMs: 0 }],
      210,
      { pruneBelow: 2 },
    ],
  ];
  for (const [name, keys, now, want] of table) assert.deepEqual(signingKeyPlan(keys, now, rule), want, name);
});
