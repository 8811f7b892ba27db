import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsUnix } from './platform.js';

test('needsUnix skips only on Windows', () => {
  assert.match(needsUnix('win32') ?? '', /Unix/);
  for (const p of ['linux', 'darwin', 'freebsd'] as const) assert.equal(needsUnix(p), undefined, p);
});
