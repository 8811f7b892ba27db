import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManagementJson, renderTemplate } from './management-json.js';
import { isRoostError } from '../domain/errors.js';

test('renders {{ .VAR }} from the environment before parsing', () => {
  assert.equal(renderTemplate('{"Secret": "{{ .TURN_SECRET }}", "X": "{{.MISSING}}"}', { TURN_SECRET: 's3' }), '{"Secret": "s3", "X": ""}');
});

test('parses the NetBird subset with case-insensitive keys and Go durations', () => {
  const cfg = parseManagementJson(
    JSON.stringify({
      stuns: [{ Proto: 'udp', URI: 'stun:stun.example:3478' }],
      TURNConfig: { TimeBasedCredentials: true, CredentialsTTL: '12h', Secret: 'turn-secret', Turns: [{ Proto: 'udp', URI: 'turn:turn.example:3478', Username: 'u', Password: 'p' }] },
      Relay: { Addresses: ['rels://relay.example:443'], CredentialsTTL: 86400000000000, Secret: 'relay-secret' },
      Signal: { Proto: 'https', URI: 'signal.example:443' },
      Datadir: '/var/lib/netbird',
      StoreConfig: { Engine: 'postgres' },
      HttpConfig: { CertFile: '/c', CertKey: '/k' },
      SomethingUnknown: 1,
    }),
  );
  assert.equal(cfg.stuns?.[0]?.uri, 'stun:stun.example:3478');
  assert.equal(cfg.turn?.credentialsTtlMs, 12 * 3600_000);
  assert.equal(cfg.turn?.turns[0]?.username, 'u');
  assert.equal(cfg.relay?.credentialsTtlMs, 24 * 3600_000);
  assert.equal(cfg.signal?.proto, 'https');
  assert.equal(cfg.datadir, '/var/lib/netbird');
  assert.equal(cfg.storeEngine, 'postgres');
  assert.deepEqual(cfg.http, { certFile: '/c', certKey: '/k', authUserIdClaim: undefined });
});

test('rejects what upstream would panic on or silently mis-serve', () => {
  const bad: [string, unknown][] = [
    ['not json', '{'],
    ['unknown host protocol', { Signal: { Proto: 'quic', URI: 'x:1' } }],
    ['host without URI', { Stuns: [{ Proto: 'udp' }] }],
    ['time-based TURN without TTL', { TURNConfig: { TimeBasedCredentials: true, Secret: 's', Turns: [] } }],
    ['time-based TURN without secret', { TURNConfig: { TimeBasedCredentials: true, CredentialsTTL: '1h', Turns: [] } }],
    ['relay without TTL', { Relay: { Addresses: ['rel://x:1'], Secret: 's' } }],
    ['relay without secret', { Relay: { Addresses: ['rel://x:1'], CredentialsTTL: '1h' } }],
    ['mysql engine', { StoreConfig: { Engine: 'mysql' } }],
    ['bad duration', { Relay: { Addresses: [], CredentialsTTL: 'soon', Secret: 's' } }],
  ];
  for (const [name, v] of bad) {
    assert.throws(() => parseManagementJson(typeof v === 'string' ? v : JSON.stringify(v)), (e: unknown) => isRoostError(e, 'InvalidArgument'), name);
  }
});
