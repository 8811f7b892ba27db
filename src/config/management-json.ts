import { readFileSync } from 'node:fs';
import { invalidArgument } from '../domain/errors.js';
import { parseGoDuration } from '../shared/go-duration.js';

/**
 * The subset of NetBird's management.json that Roost honours (SEMANTICS.md §9.1): Stuns,
 * TURNConfig, Relay, Signal, Datadir, StoreConfig, HttpConfig, DeviceAuthorizationFlow,
 * PKCEAuthorizationFlow, EmbeddedIdP. Like upstream the file is first
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

/** `HttpConfig` keys about who may call (IDENTITY.md §1.1); '' = not set. */
export interface HttpAuthSettings {
  readonly authIssuer: string;
  readonly authAudience: string;
  readonly extraAuthAudience: string;
  readonly cliAuthAudience: string;
  /** Claim holding the user ID; '' means `sub`. */
  readonly authUserIdClaim: string;
  readonly authKeysLocation: string;
  readonly idpSignKeyRefreshEnabled: boolean;
  readonly oidcConfigEndpoint: string;
}

/** 0 adds `prompt=login`, 1 `max_age=0`, 2 nothing (PROTOCOL.md §7.9). */
export type LoginFlag = 0 | 1 | 2;

/** `ProviderConfig` of either flow block (IDENTITY.md §1.3), passed to clients as configured. */
export interface ProviderSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly domain: string;
  readonly audience: string;
  readonly tokenEndpoint: string;
  readonly deviceAuthEndpoint: string;
  readonly authorizationEndpoint: string;
  readonly scope: string;
  readonly useIdToken: boolean;
  readonly redirectUrls: readonly string[];
  readonly disablePromptLogin: boolean;
  readonly loginFlag: LoginFlag;
}

export interface DeviceFlowSettings {
  /** As written; only `hosted` (any case) is served, exactly `none` disables (IDENTITY.md §2.1). */
  readonly provider: string;
  readonly providerConfig: ProviderSettings;
}

export interface PkceFlowSettings {
  readonly providerConfig: ProviderSettings;
}

/** Everything about signing people in; a flow is null when its block is absent. */
export interface AuthSettings {
  readonly http: HttpAuthSettings;
  readonly deviceAuthorizationFlow: DeviceFlowSettings | null;
  readonly pkceAuthorizationFlow: PkceFlowSettings | null;
}

export interface ManagementJson {
  readonly stuns?: readonly HostEntry[];
  readonly turn?: TurnSettings;
  readonly relay?: RelaySettings;
  readonly signal?: HostEntry;
  readonly datadir?: string;
  readonly storeEngine?: 'sqlite' | 'postgres';
  readonly http?: { readonly certFile?: string; readonly certKey?: string; readonly authUserIdClaim?: string };
  /** HttpConfig's auth keys and the two flow blocks. */
  readonly auth?: AuthSettings;
  /** The `EmbeddedIdP` block as written (IDENTITY.md §1.5); absent when the file has none. */
  readonly embeddedIdp?: EmbeddedIdpFileSettings;
}

/** A pre-seeded local user (upstream's `EmbeddedIdP.Owner`): bcrypt `Hash`, `Username` defaults to `Email`. */
export interface EmbeddedIdpOwner {
  readonly email: string;
  readonly hash: string;
  readonly username: string;
}

/** `EmbeddedIdP` keys Roost reads; `enabled` is undefined when the key is absent (config.ts decides). */
export interface EmbeddedIdpFileSettings {
  readonly enabled: boolean | undefined;
  readonly issuer: string;
  readonly dashboardRedirectUris: readonly string[];
  /** Empty = upstream's defaults (config.ts). */
  readonly cliRedirectUris: readonly string[];
  readonly owner: EmbeddedIdpOwner | null;
  readonly localAuthDisabled: boolean;
  readonly signKeyRefreshEnabled: boolean;
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

function bool(v: unknown, where: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw invalidArgument(`${where}: expected true or false`);
  return v;
}

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidArgument(`${where}: expected a list of strings`);
  return v.map((s, i) => str(s, `${where}[${i}]`));
}

/** A URL fetched at start or per token: refused at load rather than failing every login later. */
function httpUrl(v: unknown, where: string): string {
  const s = str(v, where);
  if (s === '') return s;
  let url: URL | undefined;
  try {
    url = new URL(s);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalidArgument(`${where}: ${JSON.stringify(s)} is not an http(s) URL`);
  return s;
}

const LOGIN_FLAGS: readonly LoginFlag[] = [0, 1, 2];

function providerSettings(v: unknown, where: string): ProviderSettings {
  const o = asObject(v, where) ?? {};
  const loginFlag = field(o, 'LoginFlag') ?? 0;
  if (!LOGIN_FLAGS.includes(loginFlag as LoginFlag)) throw invalidArgument(`${where}.LoginFlag: must be 0 (prompt=login), 1 (max_age=0) or 2 (none)`);
  return {
    clientId: str(field(o, 'ClientID'), `${where}.ClientID`),
    clientSecret: str(field(o, 'ClientSecret'), `${where}.ClientSecret`),
    domain: str(field(o, 'Domain'), `${where}.Domain`),
    audience: str(field(o, 'Audience'), `${where}.Audience`),
    tokenEndpoint: str(field(o, 'TokenEndpoint'), `${where}.TokenEndpoint`),
    deviceAuthEndpoint: str(field(o, 'DeviceAuthEndpoint'), `${where}.DeviceAuthEndpoint`),
    authorizationEndpoint: str(field(o, 'AuthorizationEndpoint'), `${where}.AuthorizationEndpoint`),
    scope: str(field(o, 'Scope'), `${where}.Scope`),
    useIdToken: bool(field(o, 'UseIDToken'), `${where}.UseIDToken`),
    redirectUrls: strings(field(o, 'RedirectURLs'), `${where}.RedirectURLs`),
    disablePromptLogin: bool(field(o, 'DisablePromptLogin'), `${where}.DisablePromptLogin`),
    loginFlag: loginFlag as LoginFlag,
  };
}

/** HttpConfig's auth keys and the flow blocks (IDENTITY.md §1.1, §1.3); absent keys are ''. */
function authSettings(root: Json): AuthSettings {
  const h = asObject(field(root, 'HttpConfig'), 'HttpConfig') ?? {};
  const key = (name: string) => str(field(h, name), `HttpConfig.${name}`);
  const device = asObject(field(root, 'DeviceAuthorizationFlow'), 'DeviceAuthorizationFlow');
  const pkce = asObject(field(root, 'PKCEAuthorizationFlow'), 'PKCEAuthorizationFlow');
  return {
    http: {
      authIssuer: key('AuthIssuer'),
      authAudience: key('AuthAudience'),
      extraAuthAudience: key('ExtraAuthAudience'),
      cliAuthAudience: key('CLIAuthAudience'),
      authUserIdClaim: key('AuthUserIDClaim'),
      authKeysLocation: httpUrl(field(h, 'AuthKeysLocation'), 'HttpConfig.AuthKeysLocation'),
      idpSignKeyRefreshEnabled: bool(field(h, 'IdpSignKeyRefreshEnabled'), 'HttpConfig.IdpSignKeyRefreshEnabled'),
      oidcConfigEndpoint: httpUrl(field(h, 'OIDCConfigEndpoint'), 'HttpConfig.OIDCConfigEndpoint'),
    },
    deviceAuthorizationFlow: device
      ? { provider: str(field(device, 'Provider'), 'DeviceAuthorizationFlow.Provider'), providerConfig: providerSettings(field(device, 'ProviderConfig'), 'DeviceAuthorizationFlow.ProviderConfig') }
      : null,
    pkceAuthorizationFlow: pkce ? { providerConfig: providerSettings(field(pkce, 'ProviderConfig'), 'PKCEAuthorizationFlow.ProviderConfig') } : null,
  };
}

/** `EmbeddedIdP` (IDENTITY.md §1.5); `Storage` and `StaticConnectors` are not read (Roost keeps it in its own store). */
function embeddedIdpSettings(o: Json): EmbeddedIdpFileSettings {
  const enabled = field(o, 'Enabled');
  const issuer = httpUrl(field(o, 'Issuer'), 'EmbeddedIdP.Issuer').replace(/\/+$/, '');
  // Tokens carry this as `iss`; the validator and clients expect it under /oauth2 (as upstream).
  if (issuer !== '' && !issuer.endsWith('/oauth2')) throw invalidArgument(`EmbeddedIdP.Issuer: ${JSON.stringify(issuer)} must end in /oauth2`);
  const ownerObj = asObject(field(o, 'Owner'), 'EmbeddedIdP.Owner');
  let owner: EmbeddedIdpOwner | null = null;
  if (ownerObj) {
    const email = str(field(ownerObj, 'Email'), 'EmbeddedIdP.Owner.Email').trim();
    const hash = str(field(ownerObj, 'Hash'), 'EmbeddedIdP.Owner.Hash');
    if (!email || !hash) throw invalidArgument('EmbeddedIdP.Owner: Email and Hash are both required');
    if (!/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash)) throw invalidArgument('EmbeddedIdP.Owner.Hash: expected a bcrypt hash ($2a$/$2b$/$2y$)');
    owner = { email, hash, username: str(field(ownerObj, 'Username'), 'EmbeddedIdP.Owner.Username') || email };
  }
  return {
    enabled: enabled === undefined || enabled === null ? undefined : bool(enabled, 'EmbeddedIdP.Enabled'),
    issuer,
    dashboardRedirectUris: strings(field(o, 'DashboardRedirectURIs'), 'EmbeddedIdP.DashboardRedirectURIs'),
    cliRedirectUris: strings(field(o, 'CLIRedirectURIs'), 'EmbeddedIdP.CLIRedirectURIs'),
    owner,
    localAuthDisabled: bool(field(o, 'LocalAuthDisabled'), 'EmbeddedIdP.LocalAuthDisabled'),
    signKeyRefreshEnabled: bool(field(o, 'SignKeyRefreshEnabled'), 'EmbeddedIdP.SignKeyRefreshEnabled'),
  };
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
  out.auth = authSettings(root);
  const idp = asObject(field(root, 'EmbeddedIdP'), 'EmbeddedIdP');
  if (idp) out.embeddedIdp = embeddedIdpSettings(idp);
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
