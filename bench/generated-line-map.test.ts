import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMappings, decodeVlq, originalLineAt } from './generated-line-map.js';

test('decodeVlq reads signed base64-VLQ numbers', () => {
  const cases = [
    { text: 'A', want: [0] },
    { text: 'C', want: [1] },
    { text: 'D', want: [-1] },
    { text: 'gB', want: [16] },
    { text: 'AAgBC', want: [0, 0, 16, 1] },
  ];
  for (const c of cases) assert.deepEqual(decodeVlq(c.text), c.want, c.text);
  assert.throws(() => decodeVlq('A*'));
});

test('decodeMappings and originalLineAt map a generated column back to its source line', () => {
  // Generated line 0: col 0 → src line 0; col 10 → line 2; col 25 → line 1. Line 1: col 4 → line 5.
  const lines = decodeMappings('AAAA,UAEA,eADA;IAIA');
  assert.deepEqual(lines[0], [{ column: 0, originalLine: 0 }, { column: 10, originalLine: 2 }, { column: 25, originalLine: 1 }]);
  assert.deepEqual(lines[1], [{ column: 4, originalLine: 5 }]);
  const cases = [
    { line: 0, column: 0, want: 0 },
    { line: 0, column: 9, want: 0 },
    { line: 0, column: 10, want: 2 },
    { line: 0, column: 24, want: 2 },
    { line: 0, column: 999, want: 1 },
    { line: 1, column: 0, want: 5 },
    { line: 7, column: 0, want: undefined },
  ];
  for (const c of cases) assert.equal(originalLineAt(lines, c.line, c.column), c.want, `${c.line}:${c.column}`);
});
