import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from './format-table.js';

test('formatTable pads columns and right-aligns the numeric ones', () => {
  const t = formatTable(['mode', 'N', 's'], [['allow-all', '100', '0.12'], ['groups', '5000', '13.40']], new Set([1, 2]));
  assert.equal(
    t,
    ['| mode      |    N |     s |', '|-----------|-----:|------:|', '| allow-all |  100 |  0.12 |', '| groups    | 5000 | 13.40 |'].join('\n'),
  );
  assert.equal(formatTable(['a'], []), '| a |\n|---|');
});
