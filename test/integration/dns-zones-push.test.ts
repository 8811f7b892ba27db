/**
 * Custom DNS zones through the real server (gRPC over loopback): creating a record pushes a map
 * carrying the zone to the streaming peers of the zone's distribution group — an old client
 * among them gets the push without the zone — and nothing to a peer outside the group.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDnsZoneService } from '../../src/domain/dns-zones/dns-zone-service.js';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { startMesh } from '../harness/mesh.js';
import { linuxMeta } from '../harness/test-agent.js';

const zoneDomains = (m: NetworkMap): string[] => (m.dnsConfig?.customZones ?? []).map((z) => z.domain);

test('a new zone record reaches the distribution group\'s peers with a higher serial, and no one else', async (t) => {
  const mesh = await startMesh(t);
  const { server, seed } = mesh;
  const join = (host: string, version: string) => mesh.joinStreaming(host, linuxMeta(host, { netbirdVersion: version }));
  const a = await join('alpha', '0.70.0');
  const old = await join('oldie', '0.62.0');
  const b = await join('bravo', '0.70.0');
  const serial = async () => BigInt((await server.app.store.getAccountSerial(seed.accountId)) ?? -1);

  const groups = createGroupService(seed.deps);
  const group = await groups.create(seed.accountId, { name: 'zone-clients', peers: [a.peer.id, old.peer.id] });
  const settled = await serial();
  for (const w of [a.watch, old.watch, b.watch]) await w.map((m) => m.serial >= settled);

  const zones = createDnsZoneService(seed.deps, 'netbird.selfhosted');
  const zone = await zones.create(seed.accountId, { name: 'Corp', domain: 'corp.example', enabled: true, enableSearchDomain: false, distributionGroups: [group.id] });
  assert.equal(await serial(), settled, 'an empty zone changes no map');
  await zones.createRecord(seed.accountId, zone.id, { name: 'app.corp.example', type: 'A', content: '10.9.0.1', ttl: 120 });
  const recordSerial = await serial();
  assert.equal(recordSerial, settled + 1n);

  const got = await a.watch.map((m) => zoneDomains(m).includes('corp.example.'));
  assert.equal(got.serial, recordSerial);
  const corp = got.dnsConfig!.customZones.find((z) => z.domain === 'corp.example.')!;
  assert.deepEqual(corp.records.map((r) => [r.name, r.type, r.class, r.ttl, r.rdata]), [['app.corp.example.', 1n, 'IN', 120n, '10.9.0.1']]);
  assert.equal(corp.nonAuthoritative, true);
  assert.equal(corp.searchDomainDisabled, true);

  const oldMap = await old.watch.map((m) => m.serial >= recordSerial);
  assert.deepEqual(zoneDomains(oldMap), ['netbird.selfhosted.'], 'a client before v0.63.0 does not get the zone');

  // A change for everyone: B's next map is that one, so the record's serial never reached it.
  await groups.create(seed.accountId, { name: 'later', peers: [b.peer.id] });
  const after = await serial();
  const bMap = await b.watch.map((m) => m.serial >= after);
  assert.deepEqual(zoneDomains(bMap), ['netbird.selfhosted.']);
  assert.ok(!b.watch.serials.includes(recordSerial), `B got no push for the record (saw ${b.watch.serials.join(', ')})`);
});
