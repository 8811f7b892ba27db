import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRedisAddress } from './redis-address.js';
import { isRoostError } from '../domain/errors.js';

test('parseRedisAddress accepts host:port and redis:// URLs', () => {
  const table: ReadonlyArray<readonly [string, object]> = [
    ['127.0.0.1:6379', { host: '127.0.0.1', port: 6379 }],
    ['redis.internal:7000', { host: 'redis.internal', port: 7000 }],
    ['localhost', { host: 'localhost', port: 6379 }],
    ['[::1]:6380', { host: '::1', port: 6380 }],
    ['[::1]', { host: '::1', port: 6379 }],
    ['  cache:6379 ', { host: 'cache', port: 6379 }],
    ['redis://cache', { host: 'cache', port: 6379 }],
    ['redis://cache:6379', { host: 'cache', port: 6379 }],
    ['redis://cache:6379/', { host: 'cache', port: 6379 }],
    ['redis://cache:6379/0', { host: 'cache', port: 6379, db: 0 }],
    ['redis://cache:6379/3', { host: 'cache', port: 6379, db: 3 }],
    ['REDIS://cache:1', { host: 'cache', port: 1 }],
    ['redis://:s3cret@cache:6379/1', { host: 'cache', port: 6379, password: 's3cret', db: 1 }],
    ['redis://:p%40ss%3Aw@cache', { host: 'cache', port: 6379, password: 'p@ss:w' }],
    ['redis://alice:pw@cache:6379', { host: 'cache', port: 6379, username: 'alice', password: 'pw' }],
    ['redis://[::1]:7001/2', { host: '::1', port: 7001, db: 2 }],
    ['rediss://cache:6380', { host: 'cache', port: 6380, tls: {} }],
    ['rediss://:pw@cache/4', { host: 'cache', port: 6379, password: 'pw', db: 4, tls: {} }],
  ];
  for (const [text, want] of table) {
    assert.deepEqual(parseRedisAddress(text), want, text);
  }
});

test('parseRedisAddress rejects malformed addresses with InvalidArgument', () => {
  const bad = [
    '',
    '   ',
    ':6379',
    'cache:',
    'cache:0',
    'cache:65536',
    'cache:abc',
    'cache:63 79',
    '::1:6379', // unbracketed IPv6
    'user@cache:6379',
    'http://cache:6379',
    'unix:///tmp/redis.sock',
    'redis://',
    'redis://cache:99999',
    'redis://cache:6379/x',
    'redis://cache:6379/1/2',
    'redis://cache:6379/-1',
    'redis://cache:6379?dial_timeout=3s',
    'redis://:%zz@cache',
  ];
  for (const text of bad) {
    assert.throws(
      () => parseRedisAddress(text),
      (e: unknown) => isRoostError(e, 'InvalidArgument') && /Redis/.test((e as Error).message),
      JSON.stringify(text),
    );
  }
});
