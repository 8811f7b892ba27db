import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagReconnectDelayMs, flagRedisOptions } from './create-flag-redis-client.js';
import { isRoostError } from '../domain/errors.js';

test('the switch connection fails fast and never queues', () => {
  const o = flagRedisOptions('redis://:pw@cache:6380/2', 2_000);
  assert.equal(o.host, 'cache');
  assert.equal(o.port, 6380);
  assert.equal(o.password, 'pw');
  assert.equal(o.db, 2);
  assert.equal(o.enableOfflineQueue, false);
  assert.equal(o.commandTimeout, undefined, 'reads are timed out by the poll loop, after I/O');
  assert.equal(o.connectTimeout, 2_000);
  assert.equal(o.maxRetriesPerRequest, 1);
  assert.equal(o.lazyConnect, true);
  assert.equal(o.retryStrategy, flagReconnectDelayMs);
});

test('reconnect delays grow by 200 ms up to 5 s and never stop', () => {
  const table: ReadonlyArray<readonly [number, number]> = [
    [1, 200],
    [2, 400],
    [10, 2_000],
    [25, 5_000],
    [1_000, 5_000],
  ];
  for (const [attempt, want] of table) assert.equal(flagReconnectDelayMs(attempt), want, String(attempt));
});

test('a malformed address is InvalidArgument', () => {
  assert.throws(() => flagRedisOptions('http://cache', 2_000), (e: unknown) => isRoostError(e, 'InvalidArgument'));
});
