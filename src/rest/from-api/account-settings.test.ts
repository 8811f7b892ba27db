import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSettingsPatch } from './account-settings.js';

const REQUIRED = {
  peer_login_expiration_enabled: false,
  peer_login_expiration: 7200,
  peer_inactivity_expiration_enabled: true,
  peer_inactivity_expiration: 900,
  regular_users_view_blocked: false,
};

test('toSettingsPatch sets the required members and only the optional ones given', () => {
  assert.deepEqual(toSettingsPatch(REQUIRED), {
    peerLoginExpirationEnabled: false,
    peerLoginExpiration: 7200,
    peerInactivityExpirationEnabled: true,
    peerInactivityExpiration: 900,
    regularUsersViewBlocked: false,
  });
  const patch = toSettingsPatch({ ...REQUIRED, dns_domain: 'corp', lazy_connection_enabled: true, extra: { peer_approval_enabled: true }, network_range: '' });
  assert.equal(patch.dnsDomain, 'corp');
  assert.equal(patch.lazyConnectionEnabled, true);
  assert.equal(patch.peerApprovalEnabled, true);
  assert.equal('userApprovalRequired' in patch, false);
  assert.equal('networkRange' in patch, false, 'an empty range keeps the current one');
  assert.equal(toSettingsPatch({ ...REQUIRED, network_range: '10.9.0.0/16' }).networkRange, '10.9.0.0/16');
});
