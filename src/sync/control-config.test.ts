import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshConfigsPerSecond, fullControlConfig, refreshPeriods, relayRefreshConfig, turnRefreshConfig, type ServicesSettings } from './control-config.js';
import { verifyTurnCredentials } from '../crypto/turn-credentials.js';
import { verifyRelayToken } from '../crypto/relay-token.js';

const NOW = Date.UTC(2026, 10, 24);
const timeBased: ServicesSettings = {
  signal: { proto: 'https', uri: 'signal.example:443', username: '', password: '' },
  stuns: [{ proto: 'udp', uri: 'stun:stun.example:3478', username: '', password: '' }],
  turn: { timeBasedCredentials: true, credentialsTtlMs: 3600_000, secret: 'turn-s', turns: [{ proto: 'udp', uri: 'turn:turn.example:3478', username: 'static-u', password: 'static-p' }] },
  relay: { addresses: ['rels://relay.example:443'], credentialsTtlMs: 7200_000, secret: 'relay-s' },
};

test('full config for Sync: fresh TURN credentials and relay token that verify; signal and STUN passed through', () => {
  const c = fullControlConfig(timeBased, NOW, true);
  assert.deepEqual(c.signal, { uri: 'signal.example:443', proto: 'https' });
  assert.deepEqual(c.stuns, [{ uri: 'stun:stun.example:3478', proto: 'udp' }]);
  const t = c.turns[0]!;
  assert.equal(t.user, String(NOW / 1000 + 3600));
  assert.ok(verifyTurnCredentials({ secret: 'turn-s', username: t.user, password: t.password, now: NOW }));
  assert.deepEqual(c.relay?.urls, ['rels://relay.example:443']);
  assert.ok(verifyRelayToken({ secret: 'relay-s', payload: c.relay!.tokenPayload, signature: c.relay!.tokenSignature, now: NOW }));
  // A later call mints different credentials.
  const later = fullControlConfig(timeBased, NOW + 5000, true);
  assert.notEqual(later.turns[0]!.password, t.password);
  assert.notEqual(later.relay!.tokenSignature, c.relay!.tokenSignature);
});

test('Login config carries static TURN credentials; static TURN passes through on Sync too', () => {
  assert.equal(fullControlConfig(timeBased, NOW, false).turns[0]!.user, 'static-u');
  const staticTurn = { ...timeBased, turn: { ...timeBased.turn!, timeBasedCredentials: false } };
  assert.deepEqual(fullControlConfig(staticTurn, NOW, true).turns[0], { host: { uri: 'turn:turn.example:3478', proto: 'udp' }, user: 'static-u', password: 'static-p' });
});

test('no relay configured → no relay section; no TURN → no TURN entries', () => {
  const bare: ServicesSettings = { ...timeBased, turn: null, relay: null };
  const c = fullControlConfig(bare, NOW, true);
  assert.equal(c.relay, null);
  assert.deepEqual(c.turns, []);
  assert.deepEqual(refreshPeriods(bare), { turnMs: null, relayMs: null });
});

test('refresh pushes: TURN push carries relay too; relay push carries only relay', () => {
  const t = turnRefreshConfig(timeBased, NOW);
  assert.equal(t.turns.length, 1);
  assert.ok(t.relay);
  assert.equal(t.signal, null);
  const r = relayRefreshConfig(timeBased, NOW);
  assert.deepEqual(r.turns, []);
  assert.ok(r.relay);
  assert.deepEqual(refreshPeriods(timeBased), { turnMs: 2_700_000, relayMs: 5_400_000 });
});

test('fresh configs per second: one object within a second, minted at its start; a new one each second', () => {
  const fresh = freshConfigsPerSecond(timeBased);
  const cases: { at: number; same: boolean }[] = [
    { at: NOW + 250, same: false },
    { at: NOW + 999, same: true },
    { at: NOW + 1000, same: false },
    { at: NOW + 1001, same: true },
    { at: NOW + 7_500, same: false },
  ];
  let before: unknown;
  for (const c of cases) {
    const config = fresh(c.at);
    assert.equal(config === before, c.same, `at +${c.at - NOW} ms`);
    const second = Math.floor(c.at / 1000) * 1000;
    assert.deepEqual(config, fullControlConfig(timeBased, second, true), `at +${c.at - NOW} ms`);
    before = config;
  }
});
