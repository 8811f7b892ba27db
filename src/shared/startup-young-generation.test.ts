import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growthFlagGiven } from './startup-young-generation.js';

test('an operator-given growth factor is detected on the command line and in NODE_OPTIONS', () => {
  const cases: Array<[readonly string[], string | undefined, boolean]> = [
    [[], undefined, false],
    [['--max-semi-space-size=4'], '--max-old-space-size=512', false],
    [['--semi-space-growth-factor=4'], undefined, true],
    [[], '--enable-source-maps --semi_space_growth_factor=3', true],
    [['--import', 'tsx'], '', false],
  ];
  for (const [argv, opts, want] of cases) assert.equal(growthFlagGiven(argv, opts), want, `${argv.join(' ')} | ${opts}`);
});
