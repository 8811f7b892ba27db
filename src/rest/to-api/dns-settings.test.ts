import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toApiDnsSettings } from './dns-settings.js';

test('toApiDnsSettings copies the disabled-management groups', () => {
  assert.deepEqual(toApiDnsSettings({ disabledManagementGroups: ['a', 'b'] }), { disabled_management_groups: ['a', 'b'] });
  assert.deepEqual(toApiDnsSettings({ disabledManagementGroups: [] }), { disabled_management_groups: [] });
});
