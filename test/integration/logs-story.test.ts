/**
 * The log of a real client's connection reads like a story at `info`: registration and login
 * (peer, name, version, how), the Sync stream opened (path and reason) and closed (how long it
 * was held), the change pushed to it (serial, streams reached, time), a background job's run and
 * a warning for the cache fallback — and it holds no secret.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { FailingCacheStore } from '../../src/cache/failing-cache-store.js';
import { SERVER_KEY_SECRET } from '../../src/crypto/server-key-file.js';
import { formatWgKey } from '../../src/crypto/wg-key.js';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import { FastPathFlag } from '../../src/flags/fast-path-flag.js';
import { fastPathTestConfig } from '../harness/fast-path-test-config.js';
import { pollUntil } from '../harness/poll.js';
import { domainOf, seedAccount } from '../harness/seed.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';
import { waitForPeerDisconnect } from '../harness/wait-for-peer-disconnect.js';

interface Line {
  readonly level: number;
  readonly msg: string;
  readonly [k: string]: unknown;
}

/** A pino logger at `level` whose lines are kept (parsed, and as raw text). */
function capturingLogger(level: string) {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level }, sink);
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Line) };
}

const INFO = 30;
const WARN = 40;

test('logs: a client connection tells its story at info, warns of the cache fallback, leaks no secret', async (t) => {
  const cap = capturingLogger('info');
  const cache = new FailingCacheStore(new MemoryCacheStore());
  cache.failReads = true;
  const server = await startTestServer({ file: fastPathTestConfig, overrides: { logger: cap.logger, cacheStore: cache, fastPathFlag: FastPathFlag.forced(true) } });
  const alpha = new TestAgent(server.grpcTarget);
  const bravo = new TestAgent(server.grpcTarget);
  t.after(async () => {
    alpha.close();
    bravo.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const find = (pred: (l: Line) => boolean) => cap.lines().find(pred);
  const waitFor = (what: string, pred: (l: Line) => boolean) => pollUntil(() => find(pred), { what: `log line: ${what}` });

  await alpha.register(key.plain, linuxMeta('alpha'));
  const registered = await waitFor('alpha registered', (l) => l.msg.startsWith('peer registered') && l.name === 'alpha');
  assert.equal(registered.level, INFO);
  assert.equal(registered.via, 'setup key');
  assert.equal(registered.clientVersion, '0.70.0');
  assert.equal(typeof registered.peerId, 'string');
  assert.match(registered.msg, /alpha \(0\.70\.0, setup key\)/);
  const peerId = registered.peerId as string;

  await alpha.login({ meta: linuxMeta('alpha') });
  const loggedIn = await waitFor('alpha logged in', (l) => l.msg.startsWith('peer logged in') && l.peerId === peerId);
  assert.equal(loggedIn.via, 'known peer');

  const stream = await alpha.sync({ meta: linuxMeta('alpha') });
  await stream.next();
  const opened = await waitFor('stream opened', (l) => l.msg.startsWith('sync stream opened') && l.peerId === peerId);
  assert.deepEqual([opened.level, opened.path, opened.reason], [INFO, 'slow', 'cache_miss'], 'the cache read failed: a miss');
  assert.equal(typeof opened.ms, 'number');
  const fallback = await waitFor('cache fallback warning', (l) => l.level === WARN && /peer-sync cache read failed/.test(l.msg));
  assert.match(fallback.msg, /falls back to the slow path/);

  await bravo.register(key.plain, linuxMeta('bravo'));
  await stream.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 0) > 0);
  const pushed = await waitFor('change pushed', (l) => l.msg.startsWith('change pushed') && l.reached === 1);
  assert.equal(pushed.accountId, seed.accountId);
  assert.equal(pushed.streams, 1);
  assert.equal(typeof pushed.serial, 'number');
  assert.equal(typeof pushed.ms, 'number');

  stream.close();
  const closed = await waitFor('stream closed', (l) => l.msg.startsWith('sync stream closed') && l.peerId === peerId);
  assert.deepEqual([closed.level, closed.path, closed.endedBy], [INFO, 'slow', 'client']);
  assert.equal(typeof closed.heldS, 'number');
  await waitFor('a background job run', (l) => l.level === INFO && typeof l.job === 'string' && /ran over \d+ account/.test(l.msg));

  const { plainToken } = await createDomainServices(domainOf(server.app)).tokens.create(seed.accountId, seed.ownerId, { name: 'logs', expiresInDays: 1 });
  const res = await fetch(`http://127.0.0.1:${server.ports.http}/api/peers`, { headers: { authorization: `Token ${plainToken}` } });
  assert.equal(res.status, 200);
  await res.arrayBuffer();

  // The story in order.
  const order = ['peer registered', 'peer logged in', 'sync stream opened', 'change pushed', 'sync stream closed'].map((m) => cap.lines().findIndex((l) => l.msg.startsWith(m) && (l.peerId === undefined || l.peerId === peerId)));
  assert.deepEqual([...order].sort((x, y) => x - y), order, `in order: ${order.join(', ')}`);

  const serverKey = await server.app.store.serverSecrets.getOrCreate(SERVER_KEY_SECRET, () => 'unused', Date.now());
  const secrets = [key.plain, key.plain.toUpperCase(), plainToken, serverKey, formatWgKey(alpha.keys.secretKey), formatWgKey(bravo.keys.secretKey), 'fast-path-turn-secret', 'fast-path-relay-secret', 'test-local-secret'];
  const text = cap.raw.join('\n');
  for (const s of secrets) assert.ok(!text.includes(s), `no secret in the log (${s.slice(0, 4)}…)`);
});

test('logs: at --log-level warn the story lines are not written', async (t) => {
  const cap = capturingLogger('warn');
  const server = await startTestServer({ overrides: { logger: cap.logger } });
  const alpha = new TestAgent(server.grpcTarget);
  t.after(async () => {
    alpha.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  await alpha.register(key.plain, linuxMeta('alpha'));
  const stream = await alpha.sync({ meta: linuxMeta('alpha') });
  await stream.next();
  stream.close();
  await waitForPeerDisconnect(server.app, alpha.publicKey);
  assert.deepEqual(cap.lines().filter((l) => l.level < WARN), []);
});
