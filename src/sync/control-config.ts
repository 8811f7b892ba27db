import type { HostEntry, HostProto, RelaySettings, TurnSettings } from '../config/management-json.js';
import { generateRelayToken } from '../crypto/relay-token.js';
import { generateTurnCredentials } from '../crypto/turn-credentials.js';
import { oncePerSecond } from '../shared/once-per-second.js';

/**
 * The NetbirdConfig part of Login and Sync answers (PROTOCOL.md §7.2, §12), protocol-free:
 * STUN/TURN/Signal/Relay with freshly minted credentials.
 */
export interface HostRef {
  readonly uri: string;
  readonly proto: HostProto;
}

export interface ControlConfig {
  readonly stuns: readonly HostRef[];
  readonly turns: readonly { readonly host: HostRef; readonly user: string; readonly password: string }[];
  /** Absent in refresh pushes (clients ignore Signal after Login). */
  readonly signal: HostRef | null;
  /** Absent when no relay is configured; clients ≥ v0.34 then switch relay off. */
  readonly relay: { readonly urls: readonly string[]; readonly tokenPayload: string; readonly tokenSignature: string } | null;
}

/** The services part of the server config that control messages are built from. */
export interface ServicesSettings {
  readonly stuns: readonly HostEntry[];
  readonly turn: TurnSettings | null;
  readonly relay: RelaySettings | null;
  readonly signal: HostEntry;
}

const ref = (h: HostEntry): HostRef => ({ uri: h.uri, proto: h.proto });

/**
 * TURN entries: time-based credentials when enabled and `fresh` (Sync answers and refreshes), the
 * configured static user/password otherwise (Login answers, as upstream: clients do not use
 * Login's TURN for ICE).
 */
function turnEntries(turn: TurnSettings | null, now: number, fresh: boolean): ControlConfig['turns'] {
  if (!turn) return [];
  if (turn.timeBasedCredentials && fresh) {
    const c = generateTurnCredentials({ secret: turn.secret, ttlMs: turn.credentialsTtlMs, now });
    return turn.turns.map((h) => ({ host: ref(h), user: c.username, password: c.password }));
  }
  return turn.turns.map((h) => ({ host: ref(h), user: h.username, password: h.password }));
}

function relayEntry(relay: RelaySettings | null, now: number): ControlConfig['relay'] {
  if (!relay || relay.addresses.length === 0) return null;
  const t = generateRelayToken({ secret: relay.secret, ttlMs: relay.credentialsTtlMs, now });
  return { urls: relay.addresses, tokenPayload: t.payload, tokenSignature: t.signature };
}

/** Full config: Login (`fresh` false: static TURN) and the first Sync message (`fresh` true). */
export function fullControlConfig(s: ServicesSettings, now: number, fresh: boolean): ControlConfig {
  return { stuns: s.stuns.map(ref), turns: turnEntries(s.turn, now, fresh), signal: ref(s.signal), relay: relayEntry(s.relay, now) };
}

/**
 * `fullControlConfig(s, now, true)` as one object per wall-clock second. Credentials expire
 * hours ahead, so minting them at the start of the second changes nothing a client can tell,
 * and one object per second lets the edge encode a fast-path answer once, not once a peer.
 */
export function freshConfigsPerSecond(s: ServicesSettings): (now: number) => ControlConfig {
  return oncePerSecond((start) => fullControlConfig(s, start, true));
}

/** TURN refresh push: every TURN host with new credentials, plus relay so clients keep it. */
export function turnRefreshConfig(s: ServicesSettings, now: number): ControlConfig {
  return { stuns: [], turns: turnEntries(s.turn, now, true), signal: null, relay: relayEntry(s.relay, now) };
}

/** Relay refresh push: only the relay block (an empty TURN list leaves the client's TURN as is). */
export function relayRefreshConfig(s: ServicesSettings, now: number): ControlConfig {
  return { stuns: [], turns: [], signal: null, relay: relayEntry(s.relay, now) };
}

/** Periods of the refresh timers: ¾ of each TTL (PROTOCOL.md §12.1); null = no timer. */
export function refreshPeriods(s: ServicesSettings): { turnMs: number | null; relayMs: number | null } {
  return {
    turnMs: s.turn?.timeBasedCredentials ? Math.floor((s.turn.credentialsTtlMs * 3) / 4) : null,
    relayMs: s.relay && s.relay.addresses.length > 0 ? Math.floor((s.relay.credentialsTtlMs * 3) / 4) : null,
  };
}
