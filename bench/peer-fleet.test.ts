import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelayMs } from './peer-fleet.js';

test('retryDelayMs doubles from 100 ms to a 1.6 s cap, with ±50 % jitter', () => {
  const cases = [
    { attempt: 1, random: 0.5, want: 100 },
    { attempt: 2, random: 0.5, want: 200 },
    { attempt: 5, random: 0.5, want: 1600 },
    { attempt: 9, random: 0.5, want: 1600 },
    { attempt: 1, random: 0, want: 50 },
    { attempt: 1, random: 0.999, want: 150 },
    { attempt: 0, random: 0.5, want: 100 },
  ];
  for (const c of cases) assert.equal(retryDelayMs(c.attempt, c.random), c.want, `attempt ${c.attempt} random ${c.random}`);
});
