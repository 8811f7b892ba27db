import { join, resolve } from 'node:path';
import { invalidArgument } from '../domain/errors.js';
import type { EnvSettings } from './env-settings.js';
import type { AuthSettings, EmbeddedIdpOwner, HostEntry, ManagementJson, RelaySettings, TurnSettings } from './management-json.js';

export type { HostEntry, RelaySettings, TurnSettings } from './management-json.js';
export type { EmbeddedIdpOwner } from './management-json.js';
export type { AuthSettings, DeviceFlowSettings, HttpAuthSettings, LoginFlag, PkceFlowSettings, ProviderSettings } from './management-json.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export type StoreSettings =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'postgres'; readonly dsn: string; readonly schema?: string };

/** Everything the server needs, validated and frozen once at start-up. */
export interface Config {
  readonly dataDir: string;
  readonly host: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  readonly metricsPort: number;
  readonly logLevel: LogLevel;
  readonly store: StoreSettings;
  /** DNS domain for peer FQDNs when the account sets none. */
  readonly dnsDomain: string;
  readonly stuns: readonly HostEntry[];
  readonly turn: TurnSettings | null;
  readonly relay: RelaySettings | null;
  readonly signal: HostEntry;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  readonly cacheRedisAddress: string | undefined;
  /** The Redis change bus between processes (NB_CHANGE_BUS_REDIS_*); address unset = in-process. */
  readonly changeBus?: { readonly redisAddress: string | undefined; readonly prefix: string };
  readonly peerSync: { readonly redisAddress: string | undefined; readonly key: string; readonly intervalMs: number };
  readonly logLevelOverride: { readonly redisAddress: string | undefined; readonly key: string; readonly intervalMs: number };
  readonly maxConcurrentSyncs: number;
  /** Audit events older than this are pruned; 0 (or absent) keeps them forever. */
  readonly auditRetentionMs?: number;
  /** NB_GEOLOCATION_DB (absolute): the geolocation database; unset = look in the data dir. */
  readonly geolocationDb?: string;
  /** NB_DRAIN_GRACE: on SIGTERM, /ready answers 503 this long before the streams end (default 0). */
  readonly drainGraceMs?: number;
  /** NB_GRPC_HANDSHAKE_TIMEOUT: time a new gRPC connection has for TLS and the HTTP/2 preface. */
  readonly grpcHandshakeTimeoutMs: number;
  /**
   * HttpConfig auth keys and SSO flows as the file says (OIDC discovery is applied at start,
   * create-app), or — with the embedded IdP on — derived from it (IDENTITY.md §1.5, §2.1).
   */
  readonly auth: AuthSettings;
  /** The embedded OpenID provider (src/idp), or null when it is off. */
  readonly embeddedIdp: EmbeddedIdpSettings | null;
  /**
   * Set when the built-in services are used (no management.json): the candidate TURN/relay
   * secret. The store keeps the first candidate any process offered; create-app applies it.
   */
  readonly localSecret?: string;
}

/** The embedded provider's settings, defaults applied (IDENTITY.md §1.5, §10). */
export interface EmbeddedIdpSettings {
  /** Ends in /oauth2, no trailing slash. */
  readonly issuer: string;
  /** True when derived from the listen address (create-app warns: set the public issuer). */
  readonly issuerDefaulted: boolean;
  readonly dashboardRedirectUris: readonly string[];
  readonly cliRedirectUris: readonly string[];
  readonly owner: EmbeddedIdpOwner | null;
  readonly localAuthDisabled: boolean;
}

/** Upstream's `CLIRedirectURIs` default: the loopback ports `netbird up` listens on. */
export const DEFAULT_CLI_REDIRECT_URIS: readonly string[] = ['http://localhost:53000/', 'http://localhost:54000/'];
export const EMBEDDED_DASHBOARD_CLIENT = 'netbird-dashboard';
export const EMBEDDED_CLI_CLIENT = 'netbird-cli';
const EMBEDDED_SCOPE = 'openid profile email groups';

/**
 * Whether the embedded provider runs and with what (IDENTITY.md §10): on unless an external IdP
 * is configured (HttpConfig names an issuer, a JWKS or a discovery URL) or the HTTP port is
 * chosen at start (0) with no `EmbeddedIdP.Issuer`; `EmbeddedIdP.Enabled` decides when written.
 * The default issuer is the HTTP listener (`127.0.0.1` for a wildcard host).
 */
export function embeddedIdpSettings(
  file: ManagementJson | undefined,
  listen: { host: string; httpPort: number; tls: boolean },
  defaultOn: boolean,
): EmbeddedIdpSettings | null {
  const block = file?.embeddedIdp;
  const h = file?.auth?.http;
  const external = !!h && (h.authIssuer !== '' || h.authKeysLocation !== '' || h.oidcConfigEndpoint !== '');
  if (!(block?.enabled ?? (defaultOn && !external))) return null;
  // Roost has no other connector than e-mail + password: without it nobody could sign in (upstream fails too).
  if (block?.localAuthDisabled) throw invalidArgument('EmbeddedIdP.LocalAuthDisabled: the embedded IdP has no other connector; disable the IdP instead (EmbeddedIdP.Enabled: false)');
  // Tokens name the issuer before the port is known: on a free port (--http-port 0) the default
  // provider stays off; asked for explicitly, it needs the issuer spelled out.
  if (!block?.issuer && listen.httpPort === 0) {
    if (block?.enabled) throw invalidArgument('EmbeddedIdP.Issuer is required when --http-port is 0');
    return null;
  }
  const host = listen.host === '0.0.0.0' || listen.host === '::' || listen.host === '' ? '127.0.0.1' : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  const issuer = block?.issuer || `${listen.tls ? 'https' : 'http'}://${host}:${listen.httpPort}/oauth2`;
  return {
    issuer,
    issuerDefaulted: !block?.issuer,
    dashboardRedirectUris: block?.dashboardRedirectUris ?? [],
    cliRedirectUris: block && block.cliRedirectUris.length > 0 ? block.cliRedirectUris : DEFAULT_CLI_REDIRECT_URIS,
    owner: block?.owner ?? null,
    localAuthDisabled: block?.localAuthDisabled ?? false,
  };
}

/**
 * `Config.auth` with the embedded provider on (upstream's ApplyEmbeddedIdPConfig): its issuer,
 * audiences netbird-dashboard and netbird-cli, `sub`, key refresh on; no discovery fetch; the
 * flow RPCs answer for its endpoints (IDENTITY.md §2.1) whatever flow blocks the file has.
 */
export function embeddedAuthSettings(idp: EmbeddedIdpSettings): AuthSettings {
  const iss = idp.issuer;
  const provider = {
    clientId: EMBEDDED_CLI_CLIENT,
    clientSecret: '',
    domain: '',
    audience: EMBEDDED_CLI_CLIENT,
    tokenEndpoint: `${iss}/token`,
    deviceAuthEndpoint: `${iss}/device/code`,
    authorizationEndpoint: `${iss}/auth`,
    scope: EMBEDDED_SCOPE,
    useIdToken: false,
    redirectUrls: [...idp.cliRedirectUris],
    disablePromptLogin: false,
    loginFlag: 0 as const,
  };
  return {
    http: {
      authIssuer: iss,
      authAudience: EMBEDDED_DASHBOARD_CLIENT,
      // Accepted audiences are AuthAudience + ExtraAuthAudience (+ the device audience): both clients.
      extraAuthAudience: EMBEDDED_CLI_CLIENT,
      cliAuthAudience: EMBEDDED_CLI_CLIENT,
      authUserIdClaim: 'sub',
      authKeysLocation: `${iss}/keys`,
      idpSignKeyRefreshEnabled: true,
      oidcConfigEndpoint: '',
    },
    deviceAuthorizationFlow: { provider: 'hosted', providerConfig: { ...provider, authorizationEndpoint: '', redirectUrls: [] } },
    pkceAuthorizationFlow: { providerConfig: { ...provider, deviceAuthEndpoint: '' } },
  };
}

/** Command-line flags of `roost serve` (undefined = not given). */
export interface ServeFlags {
  readonly dataDir?: string;
  readonly host?: string;
  readonly grpcPort?: number;
  readonly httpPort?: number;
  readonly metricsPort?: number;
  readonly logLevel?: string;
}

export const DEFAULTS = Object.freeze({
  dataDir: './data',
  host: '0.0.0.0',
  grpcPort: 33073,
  httpPort: 33071,
  metricsPort: 9090,
  logLevel: 'info' as LogLevel,
  dnsDomain: 'netbird.selfhosted',
  /** Where the built-in single-machine defaults point Signal, STUN, TURN and relay. */
  localServicesHost: '127.0.0.1',
});

/** No management.json, or one without HttpConfig or flow blocks: no SSO. */
export const NO_AUTH: AuthSettings = {
  http: {
    authIssuer: '',
    authAudience: '',
    extraAuthAudience: '',
    cliAuthAudience: '',
    authUserIdClaim: '',
    authKeysLocation: '',
    idpSignKeyRefreshEnabled: false,
    oidcConfigEndpoint: '',
  },
  deviceAuthorizationFlow: null,
  pkceAuthorizationFlow: null,
};

/**
 * Built-in single-machine services (no --config): everything on the local host, never a public
 * service. TURN uses time-based credentials and relay tokens keyed by `localSecret`, a random
 * secret kept in the data dir so a local coturn/relay can be configured with it.
 */
export function localServiceDefaults(localSecret: string): Pick<Config, 'stuns' | 'turn' | 'relay' | 'signal'> {
  const h = DEFAULTS.localServicesHost;
  return {
    signal: { proto: 'http', uri: `${h}:10000`, username: '', password: '' },
    stuns: [{ proto: 'udp', uri: `stun:${h}:3478`, username: '', password: '' }],
    turn: {
      timeBasedCredentials: true,
      credentialsTtlMs: 12 * 3600_000,
      secret: localSecret,
      turns: [{ proto: 'udp', uri: `turn:${h}:3478`, username: '', password: '' }],
    },
    relay: { addresses: [`rel://${h}:33080`], credentialsTtlMs: 24 * 3600_000, secret: localSecret },
  };
}

function port(v: number | undefined, fallback: number, name: string): number {
  const p = v ?? fallback;
  if (!Number.isInteger(p) || p < 0 || p > 65535) throw invalidArgument(`${name}: ${p} is not a port (0 picks a free one)`);
  return p;
}

function logLevel(v: string | undefined): LogLevel {
  const l = (v ?? DEFAULTS.logLevel).toLowerCase();
  if (!LOG_LEVELS.includes(l as LogLevel)) throw invalidArgument(`--log-level: ${l} is not one of ${LOG_LEVELS.join(', ')}`);
  return l as LogLevel;
}

/**
 * Combines flags (highest precedence), management.json and environment into the frozen Config.
 * `localSecret` keys the built-in TURN/relay defaults when no management.json is given.
 */
export function buildConfig(input: {
  flags: ServeFlags;
  env: EnvSettings;
  file: ManagementJson | undefined;
  localSecret: string;
  /** `roost serve`: the embedded provider runs unless the file configures an external IdP or disables it. */
  embeddedIdpByDefault?: boolean;
}): Config {
  const { flags, env, file } = input;
  const dataDir = resolve(flags.dataDir ?? file?.datadir ?? DEFAULTS.dataDir);
  const engine = env.storeEngine ?? file?.storeEngine ?? 'sqlite';
  let store: StoreSettings;
  if (engine === 'postgres') {
    if (!env.postgresDsn) throw invalidArgument('NB_STORE_ENGINE_POSTGRES_DSN is required when the store engine is postgres');
    store = { engine: 'postgres', dsn: env.postgresDsn };
  } else {
    store = { engine: 'sqlite', file: join(dataDir, 'store.db') };
  }
  const services = file ? fileServices(file) : localServiceDefaults(input.localSecret);
  const tls = file?.http?.certFile && file.http.certKey ? { certFile: file.http.certFile, keyFile: file.http.certKey } : null;
  const host = flags.host ?? DEFAULTS.host;
  const httpPort = port(flags.httpPort, DEFAULTS.httpPort, '--http-port');
  const embeddedIdp = embeddedIdpSettings(file, { host, httpPort, tls: tls !== null }, input.embeddedIdpByDefault ?? false);
  const config: Config = {
    dataDir,
    host,
    grpcPort: port(flags.grpcPort, DEFAULTS.grpcPort, '--grpc-port'),
    httpPort,
    metricsPort: port(flags.metricsPort, DEFAULTS.metricsPort, '--metrics-port'),
    logLevel: logLevel(flags.logLevel),
    store,
    dnsDomain: DEFAULTS.dnsDomain,
    ...services,
    tls,
    cacheRedisAddress: env.cacheRedisAddress,
    changeBus: { redisAddress: env.changeBusRedisAddress, prefix: env.changeBusRedisPrefix },
    peerSync: { redisAddress: env.peerSyncRedisAddress, key: env.peerSyncRedisKey, intervalMs: env.peerSyncFlagIntervalMs },
    logLevelOverride: { redisAddress: env.logLevelRedisAddress, key: env.logLevelRedisKey, intervalMs: env.logLevelIntervalMs },
    maxConcurrentSyncs: env.maxConcurrentSyncs,
    auditRetentionMs: env.auditRetentionMs,
    ...(env.geolocationDb === undefined ? {} : { geolocationDb: resolve(env.geolocationDb) }),
    drainGraceMs: env.drainGraceMs,
    grpcHandshakeTimeoutMs: env.grpcHandshakeTimeoutMs,
    auth: embeddedIdp ? embeddedAuthSettings(embeddedIdp) : (file?.auth ?? NO_AUTH),
    embeddedIdp,
    ...(file ? {} : { localSecret: input.localSecret }),
  };
  return deepFreeze(config);
}

/** A management.json configures its own services; what it leaves out stays out (as upstream). */
function fileServices(file: ManagementJson): Pick<Config, 'stuns' | 'turn' | 'relay' | 'signal'> {
  if (!file.signal) throw invalidArgument('management.json: Signal is required (clients dial it right after Login)');
  return {
    signal: file.signal,
    stuns: file.stuns ?? [],
    turn: file.turn ?? null,
    relay: file.relay && file.relay.addresses.length > 0 ? file.relay : null,
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
