/**
 * With the fast path off, a server must answer exactly as one that cannot take it at all
 * (SEMANTICS.md §6.6): one scripted scenario is played against a server with the switch forced
 * off, one whose switch is a plain `{ enabled: () => false }`, and one with the switch on but a
 * cache that fails every read and write. The decoded responses, normalised for what is random
 * per run (keys, addresses, credentials), must be equal. A run with the fast path working is
 * the control: it must differ, or the comparison proves nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson, type JsonValue } from '@bufbuild/protobuf';
import type { AppOverrides } from '../../src/app/create-app.js';
import { FailingCacheStore } from '../../src/cache/failing-cache-store.js';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { createPolicyService } from '../../src/domain/policies/policy-service.js';
import { FastPathFlag } from '../../src/flags/fast-path-flag.js';
import { SyncResponseSchema, type SyncResponse } from '../../src/gen/management_pb.js';
import { fastPathTestConfig } from '../harness/fast-path-test-config.js';
import { seedAccount } from '../harness/seed.js';
import { syncOnce } from '../harness/sync-once.js';
import { TestAgent, linuxMeta, type SyncStream } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

/** Lists whose order follows random per-run values (peer keys, IDs, addresses). */
const UNORDERED = /(^|\.)(records|remotePeers|offlinePeers|firewallRules)$/;

/**
 * Replaces per-run values: peer keys, IPs and the policy ID by labels, credentials by a
 * placeholder; lists ordered by random values are sorted after that.
 */
function normalize(value: JsonValue, labels: ReadonlyMap<string, string>, path = ''): JsonValue {
  if (typeof value === 'string') {
    if (/(^|\.)turns\.\d+\.(user|password)$|relay\.token(Payload|Signature)$/.test(path)) return '<credential>';
    const label = labels.get(value);
    if (label) return `<${label}>`;
    return value.replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, (ip) => `<${labels.get(ip) ?? 'ip'}>`);
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => normalize(v, labels, `${path}.${i}`));
    return UNORDERED.test(path) ? items.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, labels, path ? `${path}.${k}` : k)]));
  }
  return value;
}

interface Recorded {
  readonly step: string;
  readonly msg: SyncResponse;
}

/**
 * The script: A and B register; A streams; the default policy is disabled (A gets a map); B
 * logs in again with a new version (a map-relevant meta change); A goes away; B streams; the
 * policy is re-enabled while A is gone; A reconnects twice; A logs in and reconnects.
 */
async function playScenario(overrides: AppOverrides): Promise<JsonValue[]> {
  const server = await startTestServer({ file: fastPathTestConfig, overrides });
  const agents: TestAgent[] = [];
  const streams: SyncStream[] = [];
  try {
    const { app } = server;
    const seed = await seedAccount(app);
    const { plain } = await seed.setupKey();
    const policies = createPolicyService(seed.deps);
    const serial = async () => BigInt((await app.store.getAccountSerial(seed.accountId)) ?? 0);
    const agent = () => {
      const x = new TestAgent(server.grpcTarget);
      agents.push(x);
      return x;
    };
    const out: Recorded[] = [];
    /** Reads the stream's next map, which must carry the account's current serial. */
    const recordPush = async (step: string, s: SyncStream) => {
      const want = await serial();
      out.push({ step, msg: await s.nextMatching((m) => (m.networkMap?.serial ?? 0n) >= want) });
    };
    const metaA = linuxMeta('alpha');
    const metaB = linuxMeta('bravo');
    const a = agent();
    const b = agent();
    await a.register(plain, metaA);
    await b.register(plain, metaB);

    const sa = await a.sync({ meta: metaA });
    streams.push(sa);
    out.push({ step: 'A first Sync', msg: await sa.next() });

    const [policy] = await policies.list(seed.accountId);
    assert.ok(policy);
    const toggle = (enabled: boolean) => policies.update(seed.accountId, policy.id, { ...policy, enabled });
    await toggle(false);
    await recordPush('A after the policy was disabled', sa);

    await b.login({ meta: linuxMeta('bravo', { netbirdVersion: '0.71.0' }) });
    await recordPush('A after B logged in with a new version', sa);

    sa.close();
    const sb = await b.sync({ meta: linuxMeta('bravo', { netbirdVersion: '0.71.0' }) });
    streams.push(sb);
    out.push({ step: 'B first Sync', msg: await sb.next() });
    await toggle(true);
    await recordPush('B after the policy was re-enabled', sb);

    out.push({ step: 'A reconnects', msg: await syncOnce(a, app, { meta: metaA }) });
    out.push({ step: 'A reconnects again', msg: await syncOnce(a, app, { meta: metaA }) });
    await a.login({ meta: metaA });
    out.push({ step: 'A reconnects after a Login', msg: await syncOnce(a, app, { meta: metaA }) });

    const peers = await app.store.repos.peers.list(seed.accountId);
    const labels = new Map<string, string>();
    for (const [name, x] of [['A', a], ['B', b]] as const) {
      const p = peers.find((q) => q.key === x.publicKey);
      assert.ok(p);
      labels.set(p.key, `key:${name}`).set(p.ip, `ip:${name}`);
    }
    // Firewall rules name their policy by its (random) ID, as bytes: base64 in JSON.
    labels.set(Buffer.from(policy.id).toString('base64'), 'policy:default');
    return out.map(({ step, msg }) => ({ step, msg: normalize(toJson(SyncResponseSchema, msg), labels) }));
  } finally {
    for (const s of streams) s.close();
    for (const x of agents) x.close();
    await server.stop();
  }
}

test('fast path off answers exactly like a server that cannot take it', async (t) => {
  const off = await playScenario({ fastPathFlag: FastPathFlag.forced(false) });
  assert.equal(off.length, 8);
  for (const r of off) {
    const { step, msg } = r as { step: string; msg: Record<string, JsonValue> };
    assert.ok(msg['networkMap'], `${step}: every message carries a map when off`);
  }

  await t.test('switch `{ enabled: () => false }`', async () => {
    assert.deepEqual(await playScenario({ fastPathFlag: { enabled: () => false } }), off);
  });

  await t.test('switch on, every cache read and write failing', async () => {
    const cacheStore = new FailingCacheStore(new MemoryCacheStore());
    cacheStore.failReads = true;
    cacheStore.failWrites = true;
    assert.deepEqual(await playScenario({ fastPathFlag: FastPathFlag.forced(true), cacheStore }), off);
  });

  await t.test('control: with the fast path working the sequence differs (at the second reconnect)', async () => {
    const on = await playScenario({ fastPathFlag: FastPathFlag.forced(true) });
    assert.notDeepEqual(on, off);
    const differing = on.flatMap((r, i) => (JSON.stringify(r) === JSON.stringify(off[i]) ? [] : [(r as { step: string }).step]));
    assert.deepEqual(differing, ['A reconnects again']);
  });
});
