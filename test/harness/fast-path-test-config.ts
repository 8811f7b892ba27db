import type { ManagementJson } from '../../src/config/management-json.js';

/**
 * The services config of upstream's fast-path tests (SEMANTICS.md §8): one STUN, time-based
 * TURN and a relay (TTL 1 h each, with secrets, so fresh credentials can be verified), and a
 * signal address.
 */
export const fastPathTestConfig: ManagementJson = {
  stuns: [{ proto: 'udp', uri: 'stun:stun.example:3478', username: '', password: '' }],
  turn: {
    timeBasedCredentials: true,
    credentialsTtlMs: 60 * 60 * 1000,
    secret: 'fast-path-turn-secret',
    turns: [{ proto: 'udp', uri: 'turn:turn.example:3478', username: '', password: '' }],
  },
  relay: { addresses: ['rel://rel.example:443'], credentialsTtlMs: 60 * 60 * 1000, secret: 'fast-path-relay-secret' },
  signal: { proto: 'http', uri: 'signal.example:10000', username: '', password: '' },
};
