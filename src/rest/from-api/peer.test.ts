import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPeerUpdate } from './peer.js';

test('toPeerUpdate: an empty or absent ip keeps the address', () => {
  const base = { name: 'n', ssh_enabled: true, login_expiration_enabled: false, inactivity_expiration_enabled: true };
  const want = { name: 'n', sshEnabled: true, loginExpirationEnabled: false, inactivityExpirationEnabled: true };
  assert.deepEqual(toPeerUpdate(base), want);
  assert.deepEqual(toPeerUpdate({ ...base, ip: '' }), want);
  assert.deepEqual(toPeerUpdate({ ...base, ip: '100.64.0.9', approval_required: true }), { ...want, ip: '100.64.0.9' });
});
