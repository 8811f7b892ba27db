/**
 * Geo posture checks through the real server: a MaxMind-format database built by the test
 * (NB_GEOLOCATION_DB), peers located by their connection IP — one streaming over gRPC from
 * 127.0.0.1 (the Netherlands in this database), one registered from a German address. A
 * policy whose source check allows one country lets only that peer into the destination's
 * map; switching the allowed country swaps them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createPeerLifecycle } from '../../src/domain/peers/peer-service.js';
import { createGroupService } from '../../src/domain/groups/group-service.js';
import { createPolicyService } from '../../src/domain/policies/policy-service.js';
import { createPostureCheckService } from '../../src/domain/posture-checks/posture-check-service.js';
import { testDatabase } from '../../src/geo/testing/test-networks.js';
import type { NetworkMap } from '../../src/gen/management_pb.js';
import { meta, wgKey } from '../conformance/store-fixtures.js';
import { MapWatch } from '../harness/map-watch.js';
import { seedAccount } from '../harness/seed.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

test('a geo check allowing one country passes the peer connecting from it and fails the other', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-geo-db-'));
  const dbFile = join(dir, 'City.mmdb');
  writeFileSync(dbFile, testDatabase());
  const server = await startTestServer({ env: { NB_GEOLOCATION_DB: dbFile } });
  const closers: (() => void)[] = [];
  t.after(async () => {
    for (const c of closers) c();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const policies = createPolicyService(seed.deps);
  for (const p of await policies.list(seed.accountId)) await policies.delete(seed.accountId, p.id);

  const join2 = async (host: string) => {
    const agent = new TestAgent(server.grpcTarget);
    closers.push(() => agent.close());
    await agent.register(key.plain, linuxMeta(host));
    const peer = await server.app.store.findPeerByKey(agent.publicKey);
    assert.ok(peer);
    return { agent, peer };
  };
  const dst = await join2('dst');
  const nl = await join2('dutch');
  assert.match(nl.peer.connectionIp, /^(::ffff:)?127\.0\.0\.1$/, 'the gRPC remote address is recorded at Login');
  const { peer: de } = await createPeerLifecycle(seed.deps).registerPeer({
    setupKey: key.plain, key: wgKey(), meta: meta({ hostname: 'german' }), sshKey: '', extraDnsLabels: [], connectionIp: '198.51.100.7',
  });

  const groups = createGroupService(seed.deps);
  const sources = await groups.create(seed.accountId, { name: 'roaming', peers: [nl.peer.id, de.id] });
  const targets = await groups.create(seed.accountId, { name: 'servers', peers: [dst.peer.id] });
  const checks = createPostureCheckService(seed.deps);
  const geo = (countryCode: string) => ({ name: 'country', checks: { geoLocationCheck: { locations: [{ countryCode, cityName: '' }], action: 'allow' as const } } });
  const check = await checks.create(seed.accountId, geo('NL'));
  await policies.create(seed.accountId, {
    name: 'geo', enabled: true, sourcePostureChecks: [check.id],
    rules: [{ name: 'r', enabled: true, action: 'accept', sources: [sources.id], destinations: [targets.id], bidirectional: true, protocol: 'all', ports: [] }],
  });

  const s = await dst.agent.sync({ meta: linuxMeta('dst') });
  closers.unshift(() => s.close());
  const watch = new MapWatch(s);
  const first = (await watch.first()).networkMap!;
  const keys = (m: NetworkMap) => m.remotePeers.map((p) => p.wgPubKey).sort();
  assert.deepEqual(keys(first), [nl.agent.publicKey], 'only the peer in the allowed country (NL, 127.0.0.1) reaches dst');

  await checks.update(seed.accountId, check.id, geo('DE'));
  const swapped = await watch.map((m) => keys(m).includes(de.key));
  assert.deepEqual(keys(swapped), [de.key], 'allowing DE lets the German peer in and keeps the Dutch one out');
});
