import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { RedisCacheStore } from './redis-cache-store.js';
import { isRoostError } from '../domain/errors.js';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('connect fails with Internal when nothing answers, and leaves nothing running', async () => {
  const started = Date.now();
  const errors: Error[] = [];
  await assert.rejects(
    RedisCacheStore.connect(`127.0.0.1:${await closedPort()}`, { commandTimeoutMs: 500, onConnectionError: (e) => errors.push(e) }),
    (e: unknown) => isRoostError(e, 'Internal') && /did not answer a ping/.test((e as Error).message),
  );
  assert.ok(Date.now() - started < 5_000, 'bounded by the timeout');
  assert.ok(errors.length >= 1, 'connection errors reach the listener instead of crashing');
});

test('connect rejects a malformed address as InvalidArgument', async () => {
  await assert.rejects(RedisCacheStore.connect('http://nope'), (e: unknown) => isRoostError(e, 'InvalidArgument'));
});
