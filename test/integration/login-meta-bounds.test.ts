/**
 * Peer meta and Login extras over their size limits (check-peer-input-bounds.ts) are refused
 * with INVALID_ARGUMENT naming the field, on Login (registration and known peer), Sync and
 * SyncMeta, and nothing is stored; ordinary clients are unaffected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrpcCallError, linuxMeta, status, type MetaInit } from '../harness/test-agent.js';
import { startSeededServer } from '../harness/seeded-server.js';

const fixture = startSeededServer;

/** The error a call failed with (fails the test if it succeeded). */
async function refusal(call: Promise<unknown>): Promise<GrpcCallError> {
  const err = await call.then(
    () => assert.fail('call succeeded, INVALID_ARGUMENT was expected'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof GrpcCallError, String(err));
  return err;
}

const addresses = (n: number) => Array.from({ length: n }, (_, i) => ({ netIP: `10.${(i >> 8) & 255}.${i & 255}.1/8`, mac: '02:00:00:00:00:01' }));

/** Each case's meta for a given hostname (the hostname case ignores it). */
const oversized: { name: string; field: string; meta: (host: string) => MetaInit; sshKey?: string; dnsLabels?: string[] }[] = [
  { name: '3.9 MB serial number', field: 'meta.sysSerialNumber', meta: (h) => linuxMeta(h, { sysSerialNumber: 'S'.repeat(3_900_000) }) },
  { name: '100 kB hostname', field: 'meta.hostname', meta: () => linuxMeta('h'.repeat(100_000)) },
  { name: '20,000 network addresses', field: 'meta.networkAddresses', meta: (h) => linuxMeta(h, { networkAddresses: addresses(20_000) }) },
  { name: '100 kB SSH key', field: 'sshKey', meta: (h) => linuxMeta(h), sshKey: `ssh-ed25519 ${'A'.repeat(100_000)}` },
  { name: '1,000 DNS labels', field: 'dnsLabels', meta: (h) => linuxMeta(h), dnsLabels: Array.from({ length: 1_000 }, (_, i) => `l${i}`) },
];

test('registration with an oversized meta, SSH key or label list: INVALID_ARGUMENT, no peer, key unused', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ type: 'reusable', allowExtraDnsLabels: true });
  for (const c of oversized) {
    const agent = f.agent();
    const err = await refusal(agent.login({ setupKey: key.plain, meta: c.meta('new'), sshKey: c.sshKey, dnsLabels: c.dnsLabels }));
    assert.equal(err.code, status.INVALID_ARGUMENT, `${c.name}: ${String(err)}`);
    assert.ok(err.details.startsWith(`${c.field} `), `${c.name} names ${c.field}: ${err.details}`);
    assert.equal(await f.seed.deps.store.repos.peers.findByKey(agent.publicKey), undefined, `${c.name}: no peer stored`);
  }
  assert.deepEqual(await f.seed.deps.store.repos.peers.list(f.seed.accountId), []);
  assert.equal((await f.seed.deps.store.repos.setupKeys.get(f.seed.accountId, key.id))?.usedTimes, 0);
  assert.equal(await f.server.app.store.getAccountSerial(f.seed.accountId), 0, 'no serial bump');

  // An ordinary client still registers with the same key.
  const normal = f.agent();
  const res = await normal.login({ setupKey: key.plain, meta: linuxMeta('normal', { networkAddresses: addresses(8) }), sshKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOk normal', dnsLabels: ['web'] });
  assert.ok(res.peerConfig?.address);
  assert.equal((await f.seed.deps.store.repos.peers.findByKey(normal.publicKey))?.meta.networkAddresses.length, 8);
});

test('a known peer: oversized Login, Sync and SyncMeta are INVALID_ARGUMENT and change nothing', async (t) => {
  const f = await fixture(t);
  const key = await f.seed.setupKey({ type: 'reusable' });
  const agent = f.agent();
  await agent.register(key.plain, linuxMeta('known'));
  const before = await f.seed.deps.store.repos.peers.findByKey(agent.publicKey);
  assert.ok(before);
  const serial = await f.server.app.store.getAccountSerial(f.seed.accountId);

  for (const c of oversized) {
    const err = await refusal(agent.login({ meta: c.meta('known'), sshKey: c.sshKey, dnsLabels: c.dnsLabels }));
    assert.equal(err.code, status.INVALID_ARGUMENT, `Login, ${c.name}: ${String(err)}`);
    assert.ok(err.details.startsWith(`${c.field} `), err.details);
  }
  for (const c of oversized.filter((x) => x.field.startsWith('meta.'))) {
    const meta = c.meta('known');
    const syncErr = await refusal(agent.syncMeta(meta));
    assert.equal(syncErr.code, status.INVALID_ARGUMENT, `SyncMeta, ${c.name}: ${String(syncErr)}`);
    assert.ok(syncErr.details.startsWith(`${c.field} `), syncErr.details);
    const stream = await agent.sync({ meta });
    try {
      const streamErr = await refusal(stream.next());
      assert.equal(streamErr.code, status.INVALID_ARGUMENT, `Sync, ${c.name}: ${String(streamErr)}`);
      assert.ok(streamErr.details.startsWith(`${c.field} `), streamErr.details);
    } finally {
      stream.close();
    }
  }
  await f.server.app.flushStatus();
  const after = await f.seed.deps.store.repos.peers.findByKey(agent.publicKey);
  assert.deepEqual(after, before, 'the stored peer is untouched (meta, SSH key, login generation, status)');
  assert.equal(await f.server.app.store.getAccountSerial(f.seed.accountId), serial, 'no serial bump');

  // The same peer with an ordinary meta still logs in and syncs.
  await agent.login({ meta: linuxMeta('known', { netbirdVersion: '0.71.0' }) });
  assert.equal((await f.seed.deps.store.repos.peers.findByKey(agent.publicKey))?.meta.netbirdVersion, '0.71.0');
  const stream = await agent.sync({ meta: linuxMeta('known', { netbirdVersion: '0.71.0' }) });
  try {
    assert.ok((await stream.next()).networkMap);
  } finally {
    stream.close();
  }
});
