import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FastPathFlag, disabledFastPathFlag } from './fast-path-flag.js';

test('a new flag is off', () => {
  assert.equal(new FastPathFlag().enabled(), false);
});

test('forced() honours true and false, and the flag can still be toggled', () => {
  assert.equal(FastPathFlag.forced(true).enabled(), true);
  assert.equal(FastPathFlag.forced(false).enabled(), false);
  const flag = FastPathFlag.forced(false);
  assert.equal(flag.set(true), true, 'changed');
  assert.equal(flag.enabled(), true);
  assert.equal(flag.set(true), false, 'unchanged');
  assert.equal(flag.set(false), true);
  assert.equal(flag.enabled(), false);
});

test('disabledFastPathFlag is off and stays off', () => {
  assert.equal(disabledFastPathFlag.enabled(), false);
  assert.equal(disabledFastPathFlag.set(true), false);
  assert.equal(disabledFastPathFlag.enabled(), false);
});
