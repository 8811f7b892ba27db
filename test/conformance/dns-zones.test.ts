/**
 * The DNS zone repository, written once and run on every engine: zones read with their
 * records, domain unique per account, record updates and deletes scoped to their zone, and a
 * zone delete taking its records along.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DnsRecord, DnsZone } from '../../src/domain/model.js';
import { isUniqueViolation } from '../../src/domain/ports/unique-violation.js';
import type { Store } from '../../src/store/index.js';
import { storeEngines } from './store-engines.js';
import { seedAccount, testDeps } from './store-fixtures.js';

const ENGINES = await storeEngines('dnszones');

for (const engine of ENGINES) {
  describe(`DNS zone repository on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => engine.cleanup());

    test('round trip, lookups, record scoping, cascade', async () => {
      const { account } = await seedAccount(testDeps(store), 31);
      const other = await seedAccount(testDeps(store), 32);
      const accountId = account.id;
      const zone: DnsZone = { id: 'z-b', accountId, name: 'B', domain: 'b.example', enabled: false, enableSearchDomain: true, distributionGroups: ['g2', 'g1'], records: [] };
      const rec = (id: string, over: Partial<DnsRecord> = {}): DnsRecord => ({ id, accountId, zoneId: 'z-b', name: 'app.b.example', type: 'A', content: '10.0.0.1', ttl: 300, ...over });
      await store.withTx(async (tx) => {
        await tx.dnsZones.insert(zone);
        await tx.dnsZones.insert({ ...zone, id: 'z-a', domain: 'a.example', records: [] });
        await tx.dnsZones.insertRecord(rec('r2', { type: 'AAAA', content: 'fd00::1', ttl: 0 }));
        await tx.dnsZones.insertRecord(rec('r1'));
      });
      const got = await store.repos.dnsZones.get(accountId, 'z-b');
      assert.deepEqual(got, { ...zone, records: [rec('r1'), rec('r2', { type: 'AAAA', content: 'fd00::1', ttl: 0 })] });
      assert.deepEqual((await store.repos.dnsZones.list(accountId)).map((z) => [z.id, z.records.length]), [['z-a', 0], ['z-b', 2]]);
      assert.deepEqual((await store.repos.dnsZones.findByDomain(accountId, 'b.example'))?.id, 'z-b');
      assert.equal(await store.repos.dnsZones.findByDomain(other.account.id, 'b.example'), undefined);
      assert.equal(await store.repos.dnsZones.get(other.account.id, 'z-b'), undefined, 'scoped by account');

      await assert.rejects(store.repos.dnsZones.insert({ ...zone, id: 'z-c' }), (e) => isUniqueViolation(e), 'domain unique per account');
      await store.repos.dnsZones.insert({ ...zone, id: 'z-other', accountId: other.account.id });

      await store.repos.dnsZones.update({ ...zone, name: 'B2', enabled: true, distributionGroups: ['g3'] });
      await store.repos.dnsZones.updateRecord(rec('r1', { content: '10.0.0.2', ttl: 60 }));
      await store.repos.dnsZones.updateRecord(rec('r2', { zoneId: 'z-a', content: 'fd00::9' }));
      const after1 = await store.repos.dnsZones.get(accountId, 'z-b');
      assert.deepEqual([after1?.name, after1?.enabled, after1?.distributionGroups], ['B2', true, ['g3']]);
      assert.deepEqual(after1?.records.map((r) => r.content), ['10.0.0.2', 'fd00::1'], 'a record is only updated through its own zone');
      assert.deepEqual(await store.repos.dnsZones.getRecord(accountId, 'z-b', 'r1'), rec('r1', { content: '10.0.0.2', ttl: 60 }));
      assert.equal(await store.repos.dnsZones.getRecord(accountId, 'z-a', 'r1'), undefined);

      await store.repos.dnsZones.deleteRecord(accountId, 'z-a', 'r1');
      assert.equal((await store.repos.dnsZones.get(accountId, 'z-b'))?.records.length, 2, 'delete through another zone does nothing');
      await store.repos.dnsZones.deleteRecord(accountId, 'z-b', 'r1');
      assert.deepEqual((await store.repos.dnsZones.get(accountId, 'z-b'))?.records.map((r) => r.id), ['r2']);
      await store.repos.dnsZones.delete(accountId, 'z-b');
      assert.equal(await store.repos.dnsZones.get(accountId, 'z-b'), undefined);
      assert.equal(await store.repos.dnsZones.getRecord(accountId, 'z-b', 'r2'), undefined, 'records go with their zone');
      assert.equal((await store.repos.dnsZones.get(other.account.id, 'z-other'))?.domain, 'b.example');
    });
  });
}
