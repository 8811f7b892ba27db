/**
 * TURN and relay credentials on the wire (PROTOCOL.md §10–§12): static TURN in Login, fresh
 * time-based TURN credentials and relay tokens in the first Sync message, and refresh pushes
 * before the TTL runs out — checked with the verifiers a TURN server and a relay would use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostEntry, ManagementJson } from '../../src/config/management-json.js';
import { verifyRelayToken } from '../../src/crypto/relay-token.js';
import { verifyTurnCredentials } from '../../src/crypto/turn-credentials.js';
import { HostConfig_Protocol, type NetbirdConfig, type SyncResponse } from '../../src/gen/management_pb.js';
import { seedAccount } from '../harness/seed.js';
import { TestAgent, linuxMeta, type SyncStream } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

const SIGNAL: HostEntry = { proto: 'https', uri: 'signal.example.test:443', username: '', password: '' };
const STUNS: HostEntry[] = [{ proto: 'udp', uri: 'stun:stun.example.test:3478', username: '', password: '' }];
const TURNS: HostEntry[] = [
  { proto: 'udp', uri: 'turn:turn.example.test:3478', username: 'static-user', password: 'static-pass' },
  { proto: 'tcp', uri: 'turn:turn.example.test:3478?transport=tcp', username: 'static-user', password: 'static-pass' },
];
const TURN_SECRET = 'turn-shared-secret';
const RELAY_SECRET = 'relay-shared-secret';
const RELAY_URLS = ['rels://relay.example.test:443', 'rel://relay2.example.test:80'];

function managementJson(opts: { timeBased: boolean; turnTtlMs: number; relayTtlMs: number | null }): ManagementJson {
  return {
    signal: SIGNAL,
    stuns: STUNS,
    turn: { timeBasedCredentials: opts.timeBased, credentialsTtlMs: opts.turnTtlMs, secret: opts.timeBased ? TURN_SECRET : '', turns: TURNS },
    ...(opts.relayTtlMs === null ? {} : { relay: { addresses: RELAY_URLS, credentialsTtlMs: opts.relayTtlMs, secret: RELAY_SECRET } }),
  };
}

/** A registered agent on a server started with `file`; returns its Login answer too. */
async function registeredAgent(t: { after(fn: () => unknown): void }, file: ManagementJson) {
  const server = await startTestServer({ file });
  const agent = new TestAgent(server.grpcTarget);
  t.after(async () => {
    agent.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const login = await agent.register(key.plain, linuxMeta('alpha'));
  return { server, agent, seed, login };
}

/** Time-based TURN credentials valid at `now` and minted no earlier than `issuedAfter`. */
function assertFreshTurn(cfg: NetbirdConfig, ttlMs: number, issuedAfter: number, now: number): void {
  assert.deepEqual(
    cfg.turns.map((t) => t.hostConfig?.uri),
    TURNS.map((h) => h.uri),
  );
  const [first] = cfg.turns;
  assert.ok(first);
  for (const t of cfg.turns) {
    assert.equal(t.user, first.user, 'one credential pair on every TURN entry');
    assert.equal(t.password, first.password);
  }
  assert.ok(verifyTurnCredentials({ secret: TURN_SECRET, username: first.user, password: first.password, now }), `TURN ${first.user} verifies at ${now}`);
  assert.equal(verifyTurnCredentials({ secret: 'other', username: first.user, password: first.password, now }), false);
  assert.ok(Number(first.user) >= Math.floor((issuedAfter + ttlMs) / 1000), 'expiry = issue time + TTL: freshly minted');
}

/** A relay block with every configured URL and a token valid at `now`, minted after `issuedAfter`. */
function assertFreshRelay(cfg: NetbirdConfig, ttlMs: number, issuedAfter: number, now: number): void {
  assert.ok(cfg.relay, 'relay block present');
  assert.deepEqual(cfg.relay.urls, RELAY_URLS);
  const { tokenPayload, tokenSignature } = cfg.relay;
  assert.ok(verifyRelayToken({ secret: RELAY_SECRET, payload: tokenPayload, signature: tokenSignature, now }), `relay token ${tokenPayload} verifies`);
  assert.equal(verifyRelayToken({ secret: 'other', payload: tokenPayload, signature: tokenSignature, now }), false);
  assert.ok(Number(tokenPayload) >= Math.floor((issuedAfter + ttlMs) / 1000), 'expiry = issue time + TTL: freshly minted');
}

test('Login carries static TURN and a relay token; the first Sync message fresh time-based TURN and relay', async (t) => {
  const TURN_TTL = 3_600_000;
  const RELAY_TTL = 7_200_000;
  const before = Date.now();
  const { agent, login } = await registeredAgent(t, managementJson({ timeBased: true, turnTtlMs: TURN_TTL, relayTtlMs: RELAY_TTL }));
  const lc = login.netbirdConfig!;
  assert.equal(lc.signal?.uri, SIGNAL.uri);
  assert.equal(lc.signal?.protocol, HostConfig_Protocol.HTTPS);
  assert.deepEqual(
    lc.stuns.map((s) => s.uri),
    STUNS.map((s) => s.uri),
  );
  assert.deepEqual(
    lc.turns.map((x) => [x.hostConfig?.uri, x.user, x.password]),
    TURNS.map((h) => [h.uri, 'static-user', 'static-pass']),
    'Login sends the configured static TURN credentials',
  );
  assertFreshRelay(lc, RELAY_TTL, before, Date.now());

  const syncStart = Date.now();
  const s = await agent.sync({ meta: linuxMeta('alpha') });
  t.after(() => s.close());
  const first = await s.next();
  const now = Date.now();
  const cfg = first.netbirdConfig!;
  assert.ok(first.networkMap);
  assert.equal(cfg.signal?.uri, SIGNAL.uri);
  assert.equal(cfg.stuns.length, STUNS.length);
  assertFreshTurn(cfg, TURN_TTL, syncStart, now);
  assert.ok(Number(cfg.turns[0]!.user) <= Math.floor((now + TURN_TTL) / 1000));
  assertFreshRelay(cfg, RELAY_TTL, syncStart, now);
});

/** Reads config-only pushes until `done` says enough; returns them with their arrival times. */
async function collectPushes(s: SyncStream, done: (seen: { msg: SyncResponse; at: number }[]) => boolean, timeoutMs: number) {
  const seen: { msg: SyncResponse; at: number }[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(seen)) {
    const msg = await s.next(Math.max(1, deadline - Date.now()));
    seen.push({ msg, at: Date.now() });
  }
  return seen;
}

test('short TTLs: TURN pushes (turns + relay) and relay pushes (relay only) arrive before the TTL runs out', async (t) => {
  const TURN_TTL = 1_000; // refresh every 750 ms
  const RELAY_TTL = 1_400; // refresh every 1050 ms
  const { agent } = await registeredAgent(t, managementJson({ timeBased: true, turnTtlMs: TURN_TTL, relayTtlMs: RELAY_TTL }));
  const s = await agent.sync({ meta: linuxMeta('alpha') });
  t.after(() => s.close());
  const sent = Date.now();
  await s.next();
  let lastTurn = Date.now();
  let lastRelay = lastTurn;
  let lastAt = sent;
  const isTurn = (m: SyncResponse) => (m.netbirdConfig?.turns.length ?? 0) > 0;
  const pushes = await collectPushes(
    s,
    (seen) => seen.filter((x) => isTurn(x.msg)).length >= 2 && seen.some((x) => !isTurn(x.msg)),
    6_000,
  );
  for (const { msg, at } of pushes) {
    assert.equal(msg.networkMap, undefined, 'refresh pushes carry no map');
    assert.deepEqual(msg.checks, []);
    const cfg = msg.netbirdConfig;
    assert.ok(cfg, 'refresh pushes carry netbirdConfig');
    assert.equal(cfg.signal, undefined);
    assert.deepEqual(cfg.stuns, []);
    if (isTurn(msg)) {
      assert.ok(at - lastTurn < TURN_TTL, `TURN refresh after ${at - lastTurn} ms, before the ${TURN_TTL} ms TTL`);
      assertFreshTurn(cfg, TURN_TTL, lastAt, lastAt);
      lastTurn = at;
    } else {
      assert.deepEqual(cfg.turns, [], 'a relay push leaves TURN alone');
    }
    // Both kinds carry relay: clients switch relay off on a config without it.
    assert.ok(at - lastRelay < RELAY_TTL, `relay refresh after ${at - lastRelay} ms, before the ${RELAY_TTL} ms TTL`);
    assertFreshRelay(cfg, RELAY_TTL, lastAt, lastAt);
    lastRelay = at;
    lastAt = at;
  }
});

test('static TURN and no relay section: Login and Sync carry the configured credentials, no relay', async (t) => {
  const { agent, login, seed } = await registeredAgent(t, managementJson({ timeBased: false, turnTtlMs: 0, relayTtlMs: null }));
  assert.equal(login.netbirdConfig?.relay, undefined);
  const s = await agent.sync({ meta: linuxMeta('alpha') });
  t.after(() => s.close());
  const first = await s.next();
  const cfg = first.netbirdConfig!;
  assert.equal(cfg.relay, undefined, 'no relay configured: no relay block');
  assert.deepEqual(
    cfg.turns.map((x) => [x.hostConfig?.uri, x.user, x.password]),
    TURNS.map((h) => [h.uri, h.username, h.password]),
    'time-based off: the static credentials as configured',
  );
  // No refresh timer runs: the next message is the map push a registration causes.
  const b = new TestAgent(agent.target);
  t.after(() => b.close());
  await b.register((await seed.setupKey()).plain, linuxMeta('bravo'));
  const next = await s.next();
  assert.ok(next.networkMap);
  assert.equal(next.netbirdConfig, undefined);
});

test('time-based TURN without relay: TURN pushes carry turns and no relay block', async (t) => {
  const TURN_TTL = 1_000;
  const { agent, login } = await registeredAgent(t, managementJson({ timeBased: true, turnTtlMs: TURN_TTL, relayTtlMs: null }));
  assert.equal(login.netbirdConfig?.relay, undefined);
  const s = await agent.sync({ meta: linuxMeta('alpha') });
  t.after(() => s.close());
  const first = await s.next();
  assert.equal(first.netbirdConfig?.relay, undefined);
  const before = Date.now();
  const push = await s.next(3_000);
  assert.equal(push.networkMap, undefined);
  assert.equal(push.netbirdConfig?.relay, undefined);
  assertFreshTurn(push.netbirdConfig!, TURN_TTL, before, before);
});
