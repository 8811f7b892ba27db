import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration } from './go-duration.js';
import { isRoostError } from '../domain/errors.js';

test('parseGoDuration accepts Go duration strings', () => {
  const table: ReadonlyArray<readonly [string, number]> = [
    ['0', 0],
    ['+0', 0],
    ['-0', 0],
    ['0s', 0],
    ['-0s', 0],
    ['500ms', 500],
    ['1s', 1_000],
    ['1m', 60_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h30m15s', 5_415_000],
    ['1.5h', 5_400_000],
    ['.5s', 500],
    ['1.s', 1_000],
    ['2.25s', 2_250],
    ['1m0.5s', 60_500],
    ['-2s', -2_000],
    ['+2s', 2_000],
    ['1000000ns', 1],
    ['1500us', 2], // 1.5 ms rounds up
    ['1000us', 1],
    ['1000µs', 1], // micro sign
    ['1000μs', 1], // Greek mu
    ['300us', 1], // sub-millisecond rounds up, never to 0
    ['1ns', 1],
    ['-300us', -1],
    ['0.0000000001s', 0], // below a nanosecond: truncated like Go
    ['  1m  ', 60_000], // env values may carry whitespace
    ['2562047h', 2_562_047 * 3_600_000], // near Go's int64 limit
  ];
  for (const [text, want] of table) {
    assert.equal(parseGoDuration(text), want, JSON.stringify(text));
  }
});

test('parseGoDuration rejects malformed input with InvalidArgument', () => {
  const bad = [
    '',
    '   ',
    '-',
    '+',
    '1', // unit required except for a lone 0
    '10',
    's',
    '.s',
    '1x',
    '1 s',
    '1sec',
    '1d',
    '1S',
    '1h-30m',
    '--1s',
    '1..5s',
    'abc',
    '2562048h', // beyond int64 nanoseconds
    '99999999999999999999s',
  ];
  for (const text of bad) {
    assert.throws(
      () => parseGoDuration(text),
      (e: unknown) => isRoostError(e, 'InvalidArgument') && /duration/.test((e as Error).message),
      JSON.stringify(text),
    );
  }
});
