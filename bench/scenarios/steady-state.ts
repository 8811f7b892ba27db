import { create } from '@bufbuild/protobuf';
import { PeerSerialCache } from '../../src/cache/peer-serial-cache.js';
import { RedisCacheStore } from '../../src/cache/redis-cache-store.js';
import { PeerSystemMetaSchema } from '../../src/gen/management_pb.js';
import { metaFromWire } from '../../src/grpc/to-wire/meta-from-wire.js';
import { metaHash } from '../../src/sync/meta-hash.js';
import { ChannelPool, type ConnectionMode } from '../channel-pool.js';
import { mapLimit } from '../map-limit.js';
import type { PeerFleet } from '../peer-fleet.js';
import { ServerUnderTest } from '../server-under-test.js';
import { quiesce } from './quiesce.js';
import { runReconnectStorm, type StormResult } from './reconnect-storm.js';
import { countsDelta, scrapePhase, type SyncPathCounts } from './sync-path-counts.js';

export interface SteadyStateResult {
  readonly idleRssBytes: number;
  readonly streamsRssBytes: number;
  readonly idleHeapBytes: number;
  readonly streamsHeapBytes: number;
  /** The restart storm that opened the streams: every peer at once on a fresh process, fast path from the Redis cache. */
  readonly restart: { readonly wallMs: number; readonly cpuSeconds: number; readonly paths: SyncPathCounts };
  /**
   * A reconnect storm on the same (now warm) server, fast path answered from the Redis cache:
   * the in-process cache's "storm fast on" with the cache a deployment shares. Undefined when
   * it failed (the memory figures still stand).
   */
  readonly redisStorm?: StormResult;
  readonly redisStormError?: string;
}

/**
 * Steady-state memory per stream, measured on a fresh server process so no garbage from
 * earlier phases counts: the peer-sync cache is put in Redis (NB_CACHE_REDIS_ADDRESS) and
 * filled by the benchmark for every peer at the current serial, so all N streams open on the
 * fast path and the process never builds a map. RSS with N streams minus RSS idle, over N.
 */
export async function runSteadyState(opts: {
  readonly dataDir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly redisAddress: string;
  readonly fleet: PeerFleet;
  readonly serial: number;
  readonly connections: ConnectionMode;
  readonly concurrency: number;
  readonly deadlineMs: number;
}): Promise<SteadyStateResult> {
  const { fleet } = opts;
  const store = await RedisCacheStore.connect(opts.redisAddress);
  const cache = new PeerSerialCache({ store, ttlMs: 3_600_000 });
  const server = await ServerUnderTest.start({ dataDir: opts.dataDir, env: { ...opts.env, NB_CACHE_REDIS_ADDRESS: opts.redisAddress } });
  try {
    await mapLimit(fleet.peers, 200, (p) => cache.set(p.publicKey, { serial: opts.serial, metaHash: metaHash(metaFromWire(create(PeerSystemMetaSchema, p.meta))) }));
    fleet.retarget(new ChannelPool(server.target, opts.connections));
    await server.waitMetric('roost_fast_path_enabled', (v) => v === 1, { timeoutMs: 10_000 });
    await quiesce(server, { quietMs: 500 });
    const idle = server.stats();
    const before = await scrapePhase(server);
    const idleHeap = await server.metric('nodejs_heap_size_used_bytes');
    const c0 = server.stats().cpuSeconds;
    const r = await fleet.connectAll({ concurrency: opts.concurrency, deadlineMs: opts.deadlineMs });
    const cpuSeconds = server.stats().cpuSeconds - c0;
    const paths = countsDelta(before.paths, (await scrapePhase(server)).paths);
    await quiesce(server, { quietMs: 500 });
    const streams = server.stats();
    const streamsHeap = await server.metric('nodejs_heap_size_used_bytes');
    let redisStormError: string | undefined;
    const redisStorm = await runReconnectStorm(server, fleet, { concurrency: opts.concurrency, deadlineMs: opts.deadlineMs, newConnections: false }).catch((err: unknown) => {
      redisStormError = (err as Error).message;
      return undefined;
    });
    fleet.dropAll();
    return { redisStorm, redisStormError, idleRssBytes: idle.rssBytes, streamsRssBytes: streams.rssBytes, idleHeapBytes: idleHeap, streamsHeapBytes: streamsHeap, restart: { wallMs: r.wallMs, cpuSeconds, paths } };
  } finally {
    fleet.dropAll();
    await server.stop();
    await mapLimit(fleet.peers, 200, (p) => cache.delete(p.publicKey));
    await store.close();
  }
}
