import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ACCOUNT_SETTINGS } from '../accounts/default-account-settings.js';
import type { AccountSettings } from '../model.js';
import { settingsChangeNotes } from './settings-change-notes.js';

test('settingsChangeNotes: one event per changed setting, upstream order and meta', () => {
  const base: AccountSettings = { ...DEFAULT_ACCOUNT_SETTINGS, peerLoginExpirationEnabled: true, peerInactivityExpirationEnabled: false };
  const cases: [Partial<AccountSettings>, string[]][] = [
    [{}, []],
    [{ peerLoginExpirationEnabled: false }, ['AccountPeerLoginExpirationDisabled']],
    [{ peerLoginExpiration: base.peerLoginExpiration * 2, peerInactivityExpirationEnabled: true }, ['AccountPeerLoginExpirationDurationUpdated', 'AccountPeerInactivityExpirationEnabled']],
    [{ dnsDomain: 'nb.example' }, ['AccountDNSDomainUpdated']],
    [{ regularUsersViewBlocked: !base.regularUsersViewBlocked }, []],
    [{ peerApprovalEnabled: !base.peerApprovalEnabled, lazyConnectionEnabled: !base.lazyConnectionEnabled }, [base.peerApprovalEnabled ? 'AccountPeerApprovalDisabled' : 'AccountPeerApprovalEnabled', base.lazyConnectionEnabled ? 'AccountLazyConnectionDisabled' : 'AccountLazyConnectionEnabled']],
  ];
  for (const [patch, want] of cases) {
    const notes = settingsChangeNotes('acc', base, { ...base, ...patch }, 'u1');
    assert.deepEqual(notes.map((n) => n.activity), want, JSON.stringify(patch));
    for (const n of notes) assert.equal(n.targetId, 'acc');
  }
  const [dns] = settingsChangeNotes('acc', base, { ...base, dnsDomain: 'nb.example' }, 'u1');
  assert.deepEqual(dns?.meta, { old_dns_domain: base.dnsDomain, new_dns_domain: 'nb.example' });
});
