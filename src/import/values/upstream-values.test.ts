import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MapError } from './map-error.js';
import { decodeDurationSeconds, decodeFlag, decodeInt, decodeJson, decodeQuoted, decodeTimeOrNull } from './upstream-values.js';

test('decodeTimeOrNull reads Go time text, PostgreSQL dates and the zero time', () => {
  const cases: [unknown, number | null][] = [
    ['2026-12-03 08:37:33.408864042+00:00', Date.UTC(2026, 11, 3, 8, 37, 33, 408)],
    ['2026-12-03 10:37:33+02:00', Date.UTC(2026, 11, 3, 8, 37, 33)],
    ['2026-12-03T08:37:33.5Z', Date.UTC(2026, 11, 3, 8, 37, 33, 500)],
    [new Date(Date.UTC(2026, 11, 3)), Date.UTC(2026, 11, 3)],
    ['0001-01-01 00:00:00+00:00', null],
    [new Date('0001-01-01T00:00:00Z'), null],
    [null, null],
    ['', null],
  ];
  for (const [input, want] of cases) assert.equal(decodeTimeOrNull('c', input), want, String(input));
  assert.throws(() => decodeTimeOrNull('created_at', 'yesterday'), (e: unknown) => e instanceof MapError && e.column === 'created_at');
});

test('flags, integers, quoted strings and JSON', () => {
  for (const [v, want] of [[1, true], [0, false], [true, true], [false, false], [null, false], ['t', true]] as const) assert.equal(decodeFlag('c', v), want);
  assert.throws(() => decodeFlag('c', 2), MapError);
  assert.equal(decodeInt('c', '49'), 49);
  assert.equal(decodeInt('c', 49n), 49);
  assert.throws(() => decodeInt('c', 'x'), MapError);
  assert.equal(decodeQuoted('ip', '"100.64.0.1"'), '100.64.0.1');
  assert.equal(decodeQuoted('ip', '100.64.0.1'), '100.64.0.1');
  assert.equal(decodeQuoted('range', '""'), '');
  assert.deepEqual(decodeJson('c', '["a"]'), ['a']);
  assert.equal(decodeJson('c', null, 'empty'), 'empty');
  assert.throws(() => decodeJson('meta_flags', '{"a":tru'), /meta_flags: broken JSON/);
});

test('durations are whole seconds of nanoseconds', () => {
  assert.equal(decodeDurationSeconds('d', 172800000000000), 172800);
  assert.equal(decodeDurationSeconds('d', '604800000000000'), 604800);
  assert.equal(decodeDurationSeconds('d', null), 0);
  assert.throws(() => decodeDurationSeconds('d', 1500000000), /not a whole number of seconds/);
});
