/**
 * One suite × {memory, redis} (STYLE.md habit 9) for the CacheStore port and the peer-serial
 * cache built on it. Redis runs use a unique key prefix per run and delete it afterwards;
 * without a reachable Redis they are skipped with the reason printed — except under CI=true,
 * where that is a failure.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/domain/clock.js';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { RedisCacheStore } from '../../src/cache/redis-cache-store.js';
import { PeerSerialCache } from '../../src/cache/peer-serial-cache.js';
import type { CacheStore } from '../../src/cache/cache-store.js';
import { isRoostError } from '../../src/domain/errors.js';
import { TEST_REDIS_ADDRESS, connectTestRedis, eventually } from '../../src/flags/testing/index.js';

/** One engine, set up for one test. */
interface EngineRun {
  readonly store: CacheStore;
  /** A TTL this engine can be shown to expire within the test. */
  readonly shortTtlMs: number;
  /** Lets time pass until `gone()` holds, failing at a deadline. */
  awaitExpiry(gone: () => Promise<boolean>): Promise<void>;
}

interface Engine {
  readonly name: string;
  /** Reason to skip, or undefined when the engine can run. */
  readonly skip: string | undefined;
  start(): EngineRun;
}

const RUN_PREFIX = `roost-test:cache:${randomUUID()}:`;

const probe = await connectTestRedis();
const redis = typeof probe === 'string' ? undefined : probe;

after(async () => {
  if (redis === undefined) return;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${RUN_PREFIX}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

let runCounter = 0;

const ENGINES: readonly Engine[] = [
  {
    name: 'memory',
    skip: undefined,
    start() {
      const clock = new ManualClock();
      return {
        store: new MemoryCacheStore({ clock }),
        shortTtlMs: 1_000,
        async awaitExpiry(gone) {
          clock.advance(1_000);
          assert.equal(await gone(), true, 'entry still visible after its TTL');
        },
      };
    },
  },
  {
    name: 'redis',
    skip: typeof probe === 'string' ? probe : undefined,
    start() {
      if (redis === undefined) throw new Error('redis engine started without a connection');
      const keyPrefix = `${RUN_PREFIX}${++runCounter}:`;
      return {
        store: new RedisCacheStore(redis, { keyPrefix, ownsClient: false }),
        shortTtlMs: 300,
        awaitExpiry: (gone) => eventually(gone, 'entry expired in Redis', 5_000),
      };
    },
  },
];

for (const engine of ENGINES) {
  describe(`CacheStore [${engine.name}]`, { skip: engine.skip }, () => {
    test('a missing key reads as undefined', async () => {
      const { store } = engine.start();
      assert.equal(await store.get('absent'), undefined);
    });

    test('set, get, delete round trip; deleting a missing key is fine', async () => {
      const { store } = engine.start();
      await store.set('k', 'v', 60_000);
      assert.equal(await store.get('k'), 'v');
      await store.delete('k');
      assert.equal(await store.get('k'), undefined);
      await store.delete('k');
      await store.delete('never-written');
    });

    test('values round-trip byte for byte', async () => {
      const { store } = engine.start();
      const values = ['', ' ', '{"serial":1,"metaHash":"18446744073709551615"}', 'ünïcødé ✓ 🚀', 'a\nb\r\n\0c'];
      for (const [i, v] of values.entries()) await store.set(`v${i}`, v, 60_000);
      for (const [i, v] of values.entries()) assert.equal(await store.get(`v${i}`), v, JSON.stringify(v));
    });

    test('a non-positive TTL is rejected as InvalidArgument and writes nothing', async () => {
      const { store } = engine.start();
      for (const ttl of [0, -1, Number.NaN]) {
        await assert.rejects(store.set('k', 'v', ttl), (e: unknown) => isRoostError(e, 'InvalidArgument'), String(ttl));
      }
      assert.equal(await store.get('k'), undefined);
    });

    test('overwrite replaces the value', async () => {
      const { store } = engine.start();
      await store.set('k', 'one', 60_000);
      await store.set('k', 'two', 60_000);
      assert.equal(await store.get('k'), 'two');
    });

    test('keys are isolated', async () => {
      const { store } = engine.start();
      await store.set('a', '1', 60_000);
      await store.set('b', '2', 60_000);
      await store.delete('a');
      assert.equal(await store.get('a'), undefined);
      assert.equal(await store.get('b'), '2');
    });

    test('an entry expires after its TTL', async () => {
      const run = engine.start();
      await run.store.set('k', 'v', run.shortTtlMs);
      assert.equal(await run.store.get('k'), 'v');
      await run.awaitExpiry(async () => (await run.store.get('k')) === undefined);
    });

    test('an overwrite sets a new TTL', async () => {
      const run = engine.start();
      await run.store.set('probe', 'x', run.shortTtlMs);
      await run.store.set('k', 'short', run.shortTtlMs);
      await run.store.set('k', 'long', 60_000);
      await run.awaitExpiry(async () => (await run.store.get('probe')) === undefined);
      assert.equal(await run.store.get('k'), 'long');
    });

    test('100 concurrent writers and readers on one key end consistent', async () => {
      const { store } = engine.start();
      const written = new Set(Array.from({ length: 100 }, (_, i) => `w${i}`));
      const ops: Promise<unknown>[] = [];
      const reads: Promise<string | undefined>[] = [];
      for (const v of written) {
        ops.push(store.set('shared', v, 60_000));
        reads.push(store.get('shared'));
      }
      await Promise.all(ops);
      for (const r of await Promise.all(reads)) {
        assert.ok(r === undefined || written.has(r), `read a value never written: ${r}`);
      }
      const final = await store.get('shared');
      assert.ok(final !== undefined && written.has(final), `final value ${final}`);
    });

    test('100 concurrent writers on distinct keys are all readable', async () => {
      const { store } = engine.start();
      const ids = Array.from({ length: 100 }, (_, i) => i);
      await Promise.all(ids.map((i) => store.set(`key${i}`, `value${i}`, 60_000)));
      const values = await Promise.all(ids.map((i) => store.get(`key${i}`)));
      assert.deepEqual(values, ids.map((i) => `value${i}`));
    });
  });

  describe(`PeerSerialCache [${engine.name}]`, { skip: engine.skip }, () => {
    const start = (ttlMs?: number) => {
      const run = engine.start();
      return { ...run, cache: new PeerSerialCache({ store: run.store, ttlMs: ttlMs ?? 60_000 }) };
    };

    test('miss on empty; hit after set; miss after delete', async () => {
      const { cache } = start();
      assert.equal(await cache.get('peerA'), undefined);
      await cache.set('peerA', { serial: 42, metaHash: '7' });
      assert.deepEqual(await cache.get('peerA'), { serial: 42, metaHash: '7' });
      await cache.delete('peerA');
      assert.equal(await cache.get('peerA'), undefined);
    });

    test('the entry is stored under peer-sync:<key>', async () => {
      const { cache, store } = start();
      await cache.set('wg+key/base64=', { serial: 3, metaHash: '11' });
      assert.equal(await store.get('peer-sync:wg+key/base64='), '{"serial":3,"metaHash":"11"}');
    });

    test('64-bit meta hashes survive the store exactly', async () => {
      const { cache } = start();
      const entry = { serial: 9, metaHash: '18446744073709551615' };
      await cache.set('p', entry);
      assert.deepEqual(await cache.get('p'), entry);
    });

    test('overwrite updates both fields', async () => {
      const { cache } = start();
      await cache.set('p', { serial: 1, metaHash: '2' });
      await cache.set('p', { serial: 3, metaHash: '4' });
      assert.deepEqual(await cache.get('p'), { serial: 3, metaHash: '4' });
    });

    test('entries are isolated per key', async () => {
      const { cache } = start();
      await cache.set('a', { serial: 1, metaHash: '1' });
      await cache.set('b', { serial: 2, metaHash: '2' });
      await cache.delete('a');
      assert.equal(await cache.get('a'), undefined);
      assert.deepEqual(await cache.get('b'), { serial: 2, metaHash: '2' });
    });

    test('entries expire after the configured TTL', async () => {
      const run = engine.start();
      const cache = new PeerSerialCache({ store: run.store, ttlMs: run.shortTtlMs });
      await cache.set('p', { serial: 5, metaHash: '5' });
      assert.deepEqual(await cache.get('p'), { serial: 5, metaHash: '5' });
      await run.awaitExpiry(async () => (await cache.get('p')) === undefined);
    });

    test('an unreadable stored value is a miss', async () => {
      const { cache, store } = start();
      await store.set('peer-sync:p', 'not json', 60_000);
      assert.equal(await cache.get('p'), undefined);
    });

    test('100 concurrent writers and readers on one key end consistent', async () => {
      const { cache } = start();
      const ops: Promise<unknown>[] = [];
      const reads: Promise<{ serial: number; metaHash: string } | undefined>[] = [];
      for (let i = 1; i <= 100; i++) {
        ops.push(cache.set('p', { serial: i, metaHash: String(i * 7) }));
        reads.push(cache.get('p'));
      }
      await Promise.all(ops);
      for (const r of await Promise.all(reads)) {
        if (r !== undefined) assert.equal(r.metaHash, String(r.serial * 7), 'torn entry');
      }
      const final = await cache.get('p');
      assert.ok(final !== undefined, 'entry present at the end');
      assert.equal(final.metaHash, String(final.serial * 7));
      assert.ok(final.serial >= 1 && final.serial <= 100);
    });
  });
}

describe('RedisCacheStore.connect', { skip: typeof probe === 'string' ? probe : undefined }, () => {
  test('connects, pings, works with a prefix, and close releases the connection', async () => {
    const keyPrefix = `${RUN_PREFIX}connect:`;
    const store = await RedisCacheStore.connect(TEST_REDIS_ADDRESS, { keyPrefix });
    await store.set('k', 'v', 60_000);
    assert.equal(await redis!.get(`${keyPrefix}k`), 'v', 'stored under the prefix');
    assert.equal(await store.get('k'), 'v');
    await store.close();
    await assert.rejects(store.get('k'), /closed/i);
  });
});
