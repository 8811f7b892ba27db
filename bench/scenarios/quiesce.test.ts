import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isQuiet } from './quiesce.js';

test('isQuiet: at most a tenth of a core over the window', () => {
  const cases = [
    { cpu: 0, windowMs: 300, want: true },
    { cpu: 0.03, windowMs: 300, want: true },
    { cpu: 0.04, windowMs: 300, want: false },
    { cpu: 0.05, windowMs: 500, want: true },
    { cpu: 0.3, windowMs: 300, want: false },
  ];
  for (const c of cases) assert.equal(isQuiet(c.cpu, c.windowMs), c.want, `${c.cpu} s in ${c.windowMs} ms`);
});
