import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INVITE_PUBLIC_RULE, takeToken, type Bucket } from './invite-rate-limit.js';

test('takeToken: a burst of 5, then one every 6 s', () => {
  let bucket: Bucket | undefined;
  const at = (now: number) => {
    const r = takeToken(bucket, now, INVITE_PUBLIC_RULE);
    bucket = r.bucket;
    return r.allowed;
  };
  assert.deepEqual([0, 0, 0, 0, 0].map(at), [true, true, true, true, true]);
  assert.equal(at(0), false);
  assert.equal(at(5_999), false);
  assert.equal(at(6_000 + 5_999), true, 'refilled meanwhile, refusals cost nothing');
  assert.equal(at(11_999), false, 'not twice in the same instant');
  assert.deepEqual([600_000, 600_000, 600_000, 600_000, 600_000, 600_000].map(at), [true, true, true, true, true, false], 'never more than the burst');
});
