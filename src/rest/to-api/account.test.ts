import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../domain/accounts/default-account-settings.js';
import type { Account } from '../../domain/model.js';
import { toApiAccount } from './account.js';

const account: Account = {
  id: 'acc',
  createdBy: 'owner',
  createdAt: Date.UTC(2026, 0, 1),
  domain: 'example.com',
  network: { identifier: 'n', net: '100.70.0.0/16', serial: 3 },
  settings: DEFAULT_ACCOUNT_SETTINGS,
  dnsSettings: { disabledManagementGroups: [] },
};

test('toApiAccount maps settings to upstream names and units', () => {
  const a = toApiAccount(account);
  assert.equal(a.id, 'acc');
  assert.equal(a.created_at, '2026-01-01T00:00:00.000Z');
  assert.equal(a.created_by, 'owner');
  assert.equal(a.domain, 'example.com');
  assert.deepEqual(a.settings, {
    peer_login_expiration_enabled: true,
    peer_login_expiration: 86_400,
    peer_inactivity_expiration_enabled: false,
    peer_inactivity_expiration: 600,
    regular_users_view_blocked: true,
    groups_propagation_enabled: true,
    jwt_groups_enabled: false,
    jwt_groups_claim_name: '',
    jwt_allow_groups: [],
    routing_peer_dns_resolution_enabled: true,
    dns_domain: '',
    peer_expose_enabled: false,
    peer_expose_groups: [],
    extra: {
      peer_approval_enabled: false,
      user_approval_required: true,
      network_traffic_logs_enabled: false,
      network_traffic_logs_groups: [],
      network_traffic_packet_counter_enabled: false,
    },
    lazy_connection_enabled: false,
    auto_update_version: 'disabled',
    auto_update_always: false,
  });
});

test('toApiAccount: the embedded IdP flags only when on (omitempty), a domain account is private', () => {
  const table: [Parameters<typeof toApiAccount>[1], Record<string, unknown>][] = [
    [undefined, {}],
    [{}, {}],
    [{ embedded: { localAuthDisabled: false } }, { embedded_idp_enabled: true }],
    [{ embedded: { localAuthDisabled: true } }, { embedded_idp_enabled: true, local_auth_disabled: true }],
  ];
  for (const [idp, want] of table) {
    const s = toApiAccount(account, idp).settings;
    assert.deepEqual({ embedded_idp_enabled: s.embedded_idp_enabled, local_auth_disabled: s.local_auth_disabled }, { embedded_idp_enabled: undefined, local_auth_disabled: undefined, ...want });
    assert.equal('local_auth_disabled' in s, 'local_auth_disabled' in want);
  }
  assert.equal(toApiAccount(account).domain_category, 'private');
  assert.equal(toApiAccount({ ...account, domain: '' }).domain_category, '');
});

test('toApiAccount shows network_range only when set', () => {
  const a = toApiAccount({ ...account, settings: { ...DEFAULT_ACCOUNT_SETTINGS, networkRange: '10.10.0.0/16' } });
  assert.equal(a.settings.network_range, '10.10.0.0/16');
});
