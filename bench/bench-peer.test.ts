import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_CHECK_BYTES, opensFully } from './bench-peer.js';

test('opensFully: small messages and one peer in 16 always, everything in "all" mode', () => {
  const cases = [
    { mode: 'sample' as const, index: 1, bytes: FULL_CHECK_BYTES, want: true },
    { mode: 'sample' as const, index: 1, bytes: FULL_CHECK_BYTES + 1, want: false },
    { mode: 'sample' as const, index: 32, bytes: 10_000_000, want: true },
    { mode: 'all' as const, index: 3, bytes: 10_000_000, want: true },
  ];
  for (const c of cases) assert.equal(opensFully(c.mode, c.index, c.bytes), c.want, JSON.stringify(c));
});
