import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DnsZone } from '../model.js';
import { zonesUsingGroup } from './zones-using-group.js';

test('zonesUsingGroup names the zones distributing to the group', () => {
  const z = (name: string, groups: string[]): DnsZone => ({ id: name, accountId: 'a', name, domain: `${name}.example`, enabled: true, enableSearchDomain: false, distributionGroups: groups, records: [] });
  const zones = [z('one', ['g1']), z('two', ['g2', 'g1']), z('three', ['g3'])];
  assert.deepEqual(zonesUsingGroup('g1', zones), ['DNS zone one', 'DNS zone two']);
  assert.deepEqual(zonesUsingGroup('g4', zones), []);
});
