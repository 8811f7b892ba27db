import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountSettings } from '../model.js';
import { DEFAULT_ACCOUNT_SETTINGS } from './default-account-settings.js';
import { settingsChangeAffectsMaps } from './settings-change-affects-maps.js';

const s = DEFAULT_ACCOUNT_SETTINGS;

test('settingsChangeAffectsMaps', () => {
  const cases: { name: string; old?: Partial<AccountSettings>; next: Partial<AccountSettings>; waiting?: number; want: boolean }[] = [
    { name: 'nothing', next: {}, want: false },
    { name: 'network range', next: { networkRange: '10.10.0.0/16' }, want: true },
    { name: 'DNS domain', next: { dnsDomain: 'corp.example' }, want: true },
    { name: 'routing-peer DNS resolution', next: { routingPeerDnsResolutionEnabled: false }, want: true },
    { name: 'lazy connection', next: { lazyConnectionEnabled: true }, want: true },
    { name: 'auto-update version', next: { autoUpdateVersion: 'latest' }, want: true },
    { name: 'auto-update always', next: { autoUpdateAlways: true }, want: true },
    { name: 'login expiration toggle', next: { peerLoginExpirationEnabled: false }, want: true },
    { name: 'login expiration duration', next: { peerLoginExpiration: 7200 }, want: true },
    { name: 'inactivity expiration', next: { peerInactivityExpirationEnabled: true }, want: false },
    { name: 'regular users view', next: { regularUsersViewBlocked: false }, want: false },
    { name: 'JWT groups', next: { jwtGroupsEnabled: true, jwtGroupsClaimName: 'groups' }, want: false },
    { name: 'approval off, peers waiting', old: { peerApprovalEnabled: true }, next: { peerApprovalEnabled: false }, waiting: 2, want: true },
    { name: 'approval off, nobody waiting', old: { peerApprovalEnabled: true }, next: { peerApprovalEnabled: false }, waiting: 0, want: false },
    { name: 'approval on', next: { peerApprovalEnabled: true }, waiting: 2, want: false },
  ];
  for (const c of cases) {
    const old = { ...s, ...c.old };
    assert.equal(settingsChangeAffectsMaps(old, { ...old, ...c.next }, c.waiting ?? 0), c.want, c.name);
  }
});
