import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toApiZone } from './dns-zone.js';

test('toApiZone: upstream field names, records inside', () => {
  const api = toApiZone({
    id: 'z1', accountId: 'a', name: 'Corp', domain: 'corp.example', enabled: true, enableSearchDomain: false, distributionGroups: ['g1'],
    records: [{ id: 'r1', accountId: 'a', zoneId: 'z1', name: 'app.corp.example', type: 'A', content: '10.0.0.1', ttl: 300 }],
  });
  assert.deepEqual(api, {
    id: 'z1', name: 'Corp', domain: 'corp.example', enabled: true, enable_search_domain: false, distribution_groups: ['g1'],
    records: [{ id: 'r1', name: 'app.corp.example', type: 'A', content: '10.0.0.1', ttl: 300 }],
  });
});
