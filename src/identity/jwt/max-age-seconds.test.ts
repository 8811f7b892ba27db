import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxAgeSeconds } from './max-age-seconds.js';

test('maxAgeSeconds reads the first max-age directive, else 0', () => {
  const cases: [string | null, number][] = [
    [null, 0],
    ['', 0],
    ['no-cache', 0],
    ['max-age=300', 300],
    ['public, max-age=3600, must-revalidate', 3600],
    ['  max-age=60  ', 60],
    ['max-age=soon', 0],
    ['max-age=', 0],
    ['max-age=10, max-age=20', 10],
    ['s-maxage=99', 0],
    ['max-age="60"', 0],
    ['max-age=-5', -5],
    ['MAX-AGE=60', 0],
  ];
  for (const [header, want] of cases) assert.equal(maxAgeSeconds(header), want, String(header));
});
