import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../domain/clock.js';
import { FailingCacheStore } from './failing-cache-store.js';
import { MemoryCacheStore } from './memory-cache-store.js';
import { DEFAULT_PEER_SERIAL_CACHE_TTL_MS, PeerSerialCache } from './peer-serial-cache.js';
import type { CacheStore } from './cache-store.js';

function recordingLogger(): { debug(obj: object, msg: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, debug: (_obj, msg) => messages.push(msg) };
}

test('entries live under peer-sync:<key> as JSON with a decimal meta hash', async () => {
  const store = new MemoryCacheStore();
  const cache = new PeerSerialCache({ store });
  await cache.set('PUBKEY=', { serial: 42, metaHash: '18446744073709551615' });
  assert.equal(await store.get('peer-sync:PUBKEY='), '{"serial":42,"metaHash":"18446744073709551615"}');
  assert.deepEqual(await cache.get('PUBKEY='), { serial: 42, metaHash: '18446744073709551615' });
});

test('every write applies the TTL: 24 h by default, configurable', async () => {
  const clock = new ManualClock();
  const store = new MemoryCacheStore({ clock });
  const byDefault = new PeerSerialCache({ store });
  const short = new PeerSerialCache({ store, ttlMs: 60_000 });
  await byDefault.set('a', { serial: 1, metaHash: '1' });
  await short.set('b', { serial: 1, metaHash: '1' });
  clock.advance(60_000);
  assert.equal(await short.get('b'), undefined);
  assert.notEqual(await byDefault.get('a'), undefined);
  clock.advance(DEFAULT_PEER_SERIAL_CACHE_TTL_MS - 60_000 - 1);
  assert.notEqual(await byDefault.get('a'), undefined);
  await byDefault.set('a', { serial: 2, metaHash: '1' }); // rewrite refreshes the TTL
  clock.advance(DEFAULT_PEER_SERIAL_CACHE_TTL_MS - 1);
  assert.deepEqual(await byDefault.get('a'), { serial: 2, metaHash: '1' });
  clock.advance(1);
  assert.equal(await byDefault.get('a'), undefined);
});

test('a failing store is a miss / no-op: nothing throws, failures are logged at debug', async () => {
  const inner = new MemoryCacheStore();
  const store = new FailingCacheStore(inner);
  const logger = recordingLogger();
  const cache = new PeerSerialCache({ store, logger });
  await cache.set('k', { serial: 5, metaHash: '9' });

  store.failReads = true;
  assert.equal(await cache.get('k'), undefined);

  store.failReads = false;
  store.failWrites = true;
  await cache.set('k', { serial: 6, metaHash: '9' });
  await cache.delete('k');
  assert.deepEqual(await cache.get('k'), { serial: 5, metaHash: '9' }, 'failed writes changed nothing');

  store.failWrites = false;
  await cache.delete('k');
  assert.equal(await cache.get('k'), undefined);
  assert.deepEqual(logger.messages, [
    'peer-sync cache read failed; treating as a miss',
    'peer-sync cache write failed',
    'peer-sync cache delete failed',
  ]);
});

test('a store that throws synchronously is still a miss', async () => {
  const exploding: CacheStore = {
    get: () => {
      throw new Error('sync boom');
    },
    set: () => {
      throw new Error('sync boom');
    },
    delete: () => {
      throw new Error('sync boom');
    },
    close: async () => {},
  };
  const cache = new PeerSerialCache({ store: exploding });
  assert.equal(await cache.get('k'), undefined);
  await cache.set('k', { serial: 1, metaHash: '1' });
  await cache.delete('k');
});

test('an unreadable stored value is a miss; an invalid entry is not written', async () => {
  const store = new MemoryCacheStore();
  const logger = recordingLogger();
  const cache = new PeerSerialCache({ store, logger });
  await store.set('peer-sync:k', '{"Serial":42,"MetaHash":7}', 1_000);
  assert.equal(await cache.get('k'), undefined);
  await cache.set('j', { serial: -1, metaHash: '7' });
  assert.equal(await store.get('peer-sync:j'), undefined);
  assert.equal(logger.messages.length, 2);
});
