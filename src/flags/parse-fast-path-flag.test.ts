import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFastPathFlag } from './parse-fast-path-flag.js';

test('parseFastPathFlag: 1 or true (any case, trimmed) is on; everything else off', () => {
  const table: ReadonlyArray<readonly [string | null | undefined, boolean]> = [
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['tRuE', true],
    ['  true  ', true],
    [' 1\n', true],
    ['\ttrue\t', true],
    ['0', false],
    ['false', false],
    ['', false],
    ['   ', false],
    ['yes', false],
    ['on', false],
    ['garbage', false],
    ['11', false],
    ['01', false],
    ['1.0', false],
    ['truee', false],
    ['t rue', false],
    [null, false],
    [undefined, false],
  ];
  for (const [value, want] of table) assert.equal(parseFastPathFlag(value), want, JSON.stringify(value));
});
