import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNsType, toNameServerGroupInput } from './nameserver-group.js';

test('parseNsType: udp is 1, anything else 0 (refused later)', () => {
  const cases: [string, number][] = [['udp', 1], ['tcp', 0], ['UDP', 0], ['', 0]];
  for (const [name, want] of cases) assert.equal(parseNsType(name), want, name);
});

test('toNameServerGroupInput', () => {
  assert.deepEqual(
    toNameServerGroupInput({
      name: 'n', description: 'd', nameservers: [{ ip: '1.1.1.1', ns_type: 'udp', port: 53 }], enabled: true, groups: ['g'], primary: true, domains: [], search_domains_enabled: false,
    }),
    { name: 'n', description: 'd', nameServers: [{ ip: '1.1.1.1', nsType: 1, port: 53 }], groups: ['g'], primary: true, domains: [], searchDomainsEnabled: false, enabled: true },
  );
  const empty = toNameServerGroupInput({ name: 'n', description: '', enabled: true, primary: true, search_domains_enabled: false });
  assert.deepEqual([empty.nameServers, empty.groups, empty.domains], [[], [], []], 'absent lists are empty');
});
