import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssoLoginTable } from './sso-login-phase.js';

test('ssoLoginTable: server CPU per Login from each phase total', () => {
  const out = ssoLoginTable({
    peers: 4,
    jwksFetches: 1,
    rows: [
      { phase: 'register, setup key', logins: 4, wallMs: 1500, serverCpuMs: 10 },
      { phase: 'register, JWT', logins: 4, wallMs: 250, serverCpuMs: 30 },
    ],
  });
  const lines = out.split('\n');
  assert.match(lines[0]!, /^SSO Login \(N=4; .*1 JWKS fetch/);
  assert.match(lines[4]!, /\| register, setup key \|\s+4 \|\s+1\.50 \|\s+2\.50 \|/);
  assert.match(lines[5]!, /\| register, JWT\s+\|\s+4 \|\s+0\.25 \|\s+7\.50 \|/);
});
