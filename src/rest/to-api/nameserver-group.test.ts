import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nsTypeName, toApiNameserverGroup } from './nameserver-group.js';

test('nsTypeName: 1 is udp, anything else invalid', () => {
  assert.equal(nsTypeName(1), 'udp');
  assert.equal(nsTypeName(0), 'invalid');
  assert.equal(nsTypeName(7), 'invalid');
});

test('toApiNameserverGroup uses upstream member names', () => {
  assert.deepEqual(
    toApiNameserverGroup({
      id: 'n', accountId: 'a', name: 'G', description: 'd', nameServers: [{ ip: '8.8.8.8', nsType: 1, port: 53 }], groups: ['g'],
      primary: false, domains: ['x.example'], searchDomainsEnabled: true, enabled: true,
    }),
    {
      id: 'n', name: 'G', description: 'd', nameservers: [{ ip: '8.8.8.8', ns_type: 'udp', port: 53 }], enabled: true, groups: ['g'],
      primary: false, domains: ['x.example'], search_domains_enabled: true,
    },
  );
});
