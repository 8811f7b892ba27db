/**
 * The fast-path switch against a real Redis: flips are observed within a deadline, and an
 * unreachable or vanishing Redis turns the flag off without crashing the process. Skipped
 * (with the reason printed) when Redis is unreachable, failed under CI=true.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createFlagRedisClient } from '../../src/flags/create-flag-redis-client.js';
import { runFastPathFlagRoutine } from '../../src/flags/run-fast-path-flag-routine.js';
import { RecordingLogger, TEST_REDIS_ADDRESS, connectTestRedis, eventually } from '../../src/flags/testing/index.js';
import { parseRedisAddress } from '../../src/shared/redis-address.js';

const probe = await connectTestRedis();
const admin = typeof probe === 'string' ? undefined : probe;
const KEY = `roost-test:flag:${randomUUID()}`;

after(async () => {
  if (admin === undefined) return;
  await admin.del(KEY);
  await admin.quit();
});

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP forwarder to the test Redis that can be taken down and brought back on the same port. */
class RedisProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async up(): Promise<void> {
    const target = parseRedisAddress(TEST_REDIS_ADDRESS);
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('fast-path switch on real Redis', { skip: typeof probe === 'string' ? probe : undefined }, () => {
  test('SET/DEL flips are observed within a deadline', async (t) => {
    const client = createFlagRedisClient(TEST_REDIS_ADDRESS);
    const ac = new AbortController();
    t.after(async () => {
      ac.abort();
      await client.close();
    });
    const flag = runFastPathFlagRoutine({ redis: client, key: KEY, intervalMs: 50, logger: new RecordingLogger(), signal: ac.signal });
    assert.equal(flag.enabled(), false);
    await admin!.set(KEY, '1');
    await eventually(() => flag.enabled(), 'on after SET 1', 5_000);
    await admin!.set(KEY, '0');
    await eventually(() => !flag.enabled(), 'off after SET 0', 5_000);
    await admin!.set(KEY, ' True ');
    await eventually(() => flag.enabled(), 'on after SET " True "', 5_000);
    await admin!.del(KEY);
    await eventually(() => !flag.enabled(), 'off after DEL', 5_000);
  });

  test('an unreachable Redis leaves the flag off and the process up', async (t) => {
    const client = createFlagRedisClient(`127.0.0.1:${await closedPort()}`, { timeoutMs: 200 });
    const ac = new AbortController();
    t.after(async () => {
      ac.abort();
      await client.close();
    });
    const logger = new RecordingLogger();
    const flag = runFastPathFlagRoutine({ redis: client, key: KEY, intervalMs: 20, logger, signal: ac.signal });
    await eventually(() => logger.messages('error').length === 1 && logger.messages('debug').length >= 2, 'failed reads logged', 5_000);
    assert.equal(flag.enabled(), false);
  });

  test('Redis going away fails closed; its return re-enables', async (t) => {
    const proxy = new RedisProxy();
    await proxy.up();
    const client = createFlagRedisClient(`127.0.0.1:${proxy.port}`, { timeoutMs: 300 });
    const ac = new AbortController();
    t.after(async () => {
      ac.abort();
      await client.close();
      await proxy.down();
    });
    await admin!.set(KEY, '1');
    const flag = runFastPathFlagRoutine({ redis: client, key: KEY, intervalMs: 20, readTimeoutMs: 500, logger: new RecordingLogger(), signal: ac.signal });
    await eventually(() => flag.enabled(), 'on through the proxy', 5_000);
    await proxy.down();
    await eventually(() => !flag.enabled(), 'off while Redis is unreachable', 5_000);
    await proxy.up();
    await eventually(() => flag.enabled(), 'on again after reconnecting', 10_000);
  });
});
