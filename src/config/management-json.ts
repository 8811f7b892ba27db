import { readFileSync } from 'node:fs';
import { invalidArgument } from '../domain/errors.js';
import { parseGoDuration } from '../shared/go-duration.js';

/**
 * The subset of NetBird's management.json that Roost honours (SEMANTICS.md §9.1): Stuns,
 * TURNConfig, Relay, Signal, Datadir, StoreConfig, HttpConfig. Like upstream the file is first
 * rendered with `{{ .VAR }}` taken from the environment, keys match case-insensitively, unknown
 * keys are ignored and durations are Go strings or nanosecond numbers.
 */

export type HostProto = 'udp' | 'dtls' | 'tcp' | 'http' | 'https';

export interface HostEntry {
  readonly proto: HostProto;
  readonly uri: string;
  readonly username: string;
  readonly password: string;
}

export interface TurnSettings {
  readonly timeBasedCredentials: boolean;
  readonly credentialsTtlMs: number;
  readonly secret: string;
  readonly turns: readonly HostEntry[];
}

export interface RelaySettings {
  readonly addresses: readonly string[];
  readonly credentialsTtlMs: number;
  readonly secret: string;
}

export interface ManagementJson {
  readonly stuns?: readonly HostEntry[];
  readonly turn?: TurnSettings;
  readonly relay?: RelaySettings;
  readonly signal?: HostEntry;
  readonly datadir?: string;
  readonly storeEngine?: 'sqlite' | 'postgres';
  readonly http?: { readonly certFile?: string; readonly certKey?: string; readonly authUserIdClaim?: string };
}

type Json = Record<string, unknown>;

/** Renders `{{ .NAME }}` placeholders from the environment (missing → empty, as Go templates do). */
export function renderTemplate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => env[name] ?? '');
}

function field(obj: Json, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function asObject(v: unknown, where: string): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidArgument(`${where}: expected an object`);
  return v as Json;
}

const str = (v: unknown, where: string): string => {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw invalidArgument(`${where}: expected a string`);
  return v;
};

function duration(v: unknown, where: string): number {
  if (typeof v === 'number') return Math.round(v / 1e6); // Go: nanoseconds
  if (typeof v === 'string' && v !== '') return parseGoDuration(v);
  throw invalidArgument(`${where}: a duration is required (e.g. "12h")`);
}

const PROTOS: readonly HostProto[] = ['udp', 'dtls', 'tcp', 'http', 'https'];

function host(v: unknown, where: string): HostEntry {
  const o = asObject(v, where) ?? {};
  const proto = str(field(o, 'Proto'), `${where}.Proto`).toLowerCase() || 'udp';
  // Upstream panics on an unknown protocol while converting; refuse it at load instead.
  if (!PROTOS.includes(proto as HostProto)) throw invalidArgument(`${where}.Proto: must be one of ${PROTOS.join(', ')}`);
  const uri = str(field(o, 'URI'), `${where}.URI`);
  if (!uri) throw invalidArgument(`${where}.URI: required`);
  return { proto: proto as HostProto, uri, username: str(field(o, 'Username'), `${where}.Username`), password: str(field(o, 'Password'), `${where}.Password`) };
}

function hosts(v: unknown, where: string): HostEntry[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidArgument(`${where}: expected a list`);
  return v.map((h, i) => host(h, `${where}[${i}]`));
}

/** Parses rendered management.json text. */
export function parseManagementJson(text: string): ManagementJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalidArgument(`management.json: ${(err as Error).message}`);
  }
  const root = asObject(raw, 'management.json') ?? {};
  const out: { -readonly [K in keyof ManagementJson]: ManagementJson[K] } = {};
  const stuns = field(root, 'Stuns');
  if (stuns !== undefined) out.stuns = hosts(stuns, 'Stuns');
  const turn = asObject(field(root, 'TURNConfig'), 'TURNConfig');
  if (turn) {
    const timeBased = field(turn, 'TimeBasedCredentials') === true;
    out.turn = {
      timeBasedCredentials: timeBased,
      // TTL is mandatory when time-based (upstream's refresh timer panics without it).
      credentialsTtlMs: timeBased ? duration(field(turn, 'CredentialsTTL'), 'TURNConfig.CredentialsTTL') : 0,
      secret: str(field(turn, 'Secret'), 'TURNConfig.Secret'),
      turns: hosts(field(turn, 'Turns'), 'TURNConfig.Turns'),
    };
    if (timeBased && !out.turn.secret) throw invalidArgument('TURNConfig.Secret: required for time-based credentials');
  }
  const relay = asObject(field(root, 'Relay'), 'Relay');
  if (relay) {
    const addresses = field(relay, 'Addresses') ?? [];
    if (!Array.isArray(addresses)) throw invalidArgument('Relay.Addresses: expected a list');
    out.relay = {
      addresses: addresses.map((a, i) => str(a, `Relay.Addresses[${i}]`)),
      credentialsTtlMs: duration(field(relay, 'CredentialsTTL'), 'Relay.CredentialsTTL'),
      secret: str(field(relay, 'Secret'), 'Relay.Secret'),
    };
    if (out.relay.addresses.length > 0 && !out.relay.secret) throw invalidArgument('Relay.Secret: required with Relay.Addresses');
  }
  const signal = field(root, 'Signal');
  if (signal !== undefined && signal !== null) out.signal = host(signal, 'Signal');
  const datadir = str(field(root, 'Datadir'), 'Datadir');
  if (datadir) out.datadir = datadir;
  const store = asObject(field(root, 'StoreConfig'), 'StoreConfig');
  const engine = store ? str(field(store, 'Engine'), 'StoreConfig.Engine').toLowerCase() : '';
  if (engine) {
    if (engine !== 'sqlite' && engine !== 'postgres') throw invalidArgument(`StoreConfig.Engine: ${engine} is not supported (sqlite, postgres)`);
    out.storeEngine = engine;
  }
  const http = asObject(field(root, 'HttpConfig'), 'HttpConfig');
  if (http) {
    out.http = {
      certFile: str(field(http, 'CertFile'), 'HttpConfig.CertFile') || undefined,
      certKey: str(field(http, 'CertKey'), 'HttpConfig.CertKey') || undefined,
      authUserIdClaim: str(field(http, 'AuthUserIDClaim'), 'HttpConfig.AuthUserIDClaim') || undefined,
    };
  }
  return out;
}

export function loadManagementJson(path: string, env: Readonly<Record<string, string | undefined>>): ManagementJson {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw invalidArgument(`cannot read config ${path}: ${(err as Error).message}`);
  }
  return parseManagementJson(renderTemplate(text, env));
}
