import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unsupportedPeerProblem, unsupportedSettingsProblem } from './unsupported-fields.js';

test('unsupportedSettingsProblem: off values pass, anything else names its field', () => {
  const table: [Parameters<typeof unsupportedSettingsProblem>[0], RegExp | null][] = [
    [{}, null],
    [{ network_range_v6: '', ipv6_enabled_groups: [], local_mfa_enabled: false }, null],
    [{ network_range_v6: 'fd00:1234::/64' }, /^network_range_v6: IPv6/],
    [{ ipv6_enabled_groups: ['g1'] }, /^ipv6_enabled_groups: IPv6/],
    [{ local_mfa_enabled: true }, /^local_mfa_enabled: /],
  ];
  for (const [body, want] of table) {
    const got = unsupportedSettingsProblem(body);
    if (want === null) assert.equal(got, null, JSON.stringify(body));
    else assert.match(got ?? '', want, JSON.stringify(body));
  }
});

test('unsupportedPeerProblem: an IPv6 address is refused, none or empty passes', () => {
  assert.equal(unsupportedPeerProblem({}), null);
  assert.equal(unsupportedPeerProblem({ ipv6: '' }), null);
  assert.match(unsupportedPeerProblem({ ipv6: 'fd00::5' }) ?? '', /^ipv6: IPv6 overlay/);
});
