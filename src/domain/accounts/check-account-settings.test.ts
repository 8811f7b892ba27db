import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountSettings } from '../model.js';
import { checkAccountSettings } from './check-account-settings.js';
import { DEFAULT_ACCOUNT_SETTINGS } from './default-account-settings.js';

test('checkAccountSettings', () => {
  const cases: { name: string; over: Partial<AccountSettings>; ok: boolean }[] = [
    { name: 'defaults', over: {}, ok: true },
    { name: 'login expiration 59 min', over: { peerLoginExpiration: 3599 }, ok: false },
    { name: 'login expiration 181 days', over: { peerLoginExpiration: 181 * 86400 }, ok: false },
    { name: 'network range', over: { networkRange: '10.20.0.0/16' }, ok: true },
    { name: 'network range junk', over: { networkRange: '10.20.0.0' }, ok: false },
    { name: 'network range /31', over: { networkRange: '10.20.0.0/31' }, ok: false },
    { name: 'DNS domain', over: { dnsDomain: 'corp.example' }, ok: true },
    { name: 'DNS domain junk', over: { dnsDomain: 'not a domain' }, ok: false },
    { name: 'auto-update latest', over: { autoUpdateVersion: 'latest' }, ok: true },
    { name: 'auto-update version', over: { autoUpdateVersion: '0.60.1' }, ok: true },
    { name: 'auto-update junk', over: { autoUpdateVersion: 'soon' }, ok: false },
    { name: 'JWT groups without claim', over: { jwtGroupsEnabled: true }, ok: false },
  ];
  for (const c of cases) {
    const run = () => checkAccountSettings({ ...DEFAULT_ACCOUNT_SETTINGS, ...c.over });
    if (c.ok) assert.doesNotThrow(run, c.name);
    else assert.throws(run, { kind: 'InvalidArgument' }, c.name);
  }
});
