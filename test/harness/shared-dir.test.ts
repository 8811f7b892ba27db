import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHARED_DIR, sharedPath, sharedSkipReason } from './shared-dir.js';

test('sharedSkipReason: run when present, skip when absent, throw under CI', () => {
  assert.equal(sharedSkipReason('/x/shared/f', true, false), undefined);
  assert.equal(sharedSkipReason('/x/shared/f', true, true), undefined);
  assert.match(sharedSkipReason('/x/shared/f', false, false) ?? '', /\/x\/shared\/f is absent/);
  assert.throws(() => sharedSkipReason('/x/shared/f', false, true), /\/x\/shared\/f is absent.*CI=true/);
});

test('sharedPath resolves under ../shared; a missing file skips, or throws under CI', () => {
  if (process.env['CI'] === 'true') {
    assert.throws(() => sharedPath('no-such-file-here'), /CI=true/);
    return;
  }
  const missing = sharedPath('no-such-file-here');
  assert.equal(missing.path, join(SHARED_DIR, 'no-such-file-here'));
  assert.match(missing.skip ?? '', /absent/);
});
