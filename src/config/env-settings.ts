import { parseGoDuration } from '../shared/go-duration.js';
import { invalidArgument } from '../domain/errors.js';

/**
 * Every environment variable Roost reads, declared once (STYLE.md habit 13): name, default,
 * parser, description. `readEnvSettings` is called once at start-up; nothing else reads
 * `process.env`.
 */
interface Setting<T> {
  readonly env: string;
  readonly description: string;
  readonly parse: (raw: string | undefined) => T;
}

const optionalText = (raw: string | undefined): string | undefined => {
  const v = raw?.trim();
  return v ? v : undefined;
};
const textOr = (fallback: string) => (raw: string | undefined): string => optionalText(raw) ?? fallback;
const durationOr = (fallback: string) => (raw: string | undefined): number => parseGoDuration(optionalText(raw) ?? fallback);
const positiveDurationOr = (fallback: string) => (raw: string | undefined): number => {
  const ms = durationOr(fallback)(raw);
  if (ms <= 0) throw invalidArgument(`must be a positive duration, got ${JSON.stringify(raw)}`);
  return ms;
};
const intOr = (fallback: number) => (raw: string | undefined): number => {
  const v = optionalText(raw);
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v)) throw invalidArgument(`expected an integer, got ${JSON.stringify(v)}`);
  return Number(v);
};
const engine = (raw: string | undefined): 'sqlite' | 'postgres' | undefined => {
  const v = optionalText(raw)?.toLowerCase();
  if (v === undefined) return undefined;
  if (v !== 'sqlite' && v !== 'postgres') throw invalidArgument(`must be sqlite or postgres, got ${JSON.stringify(v)}`);
  return v;
};

const busPrefix = (raw: string | undefined): string => {
  const v = textOr('roost')(raw);
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(v)) throw invalidArgument(`expected 1-64 letters, digits or . _ : -, got ${JSON.stringify(v)}`);
  return v;
};

export const ENV_SETTINGS = {
  storeEngine: { env: 'NB_STORE_ENGINE', description: 'store engine: sqlite (file in the data dir, the default) or postgres; overrides StoreConfig.Engine', parse: engine },
  postgresDsn: { env: 'NB_STORE_ENGINE_POSTGRES_DSN', description: 'PostgreSQL connection string (required for postgres)', parse: optionalText },
  cacheRedisAddress: { env: 'NB_CACHE_REDIS_ADDRESS', description: 'Redis for the shared cache (peer-sync cache); unset = in-process memory', parse: optionalText },
  peerSyncRedisAddress: { env: 'NB_PEER_SYNC_REDIS_ADDRESS', description: 'Redis holding the fast-path kill switch; unset = fast path permanently disabled', parse: optionalText },
  peerSyncRedisKey: { env: 'NB_PEER_SYNC_REDIS_KEY', description: 'key polled for the fast-path switch', parse: textOr('peerSyncFastPath') },
  peerSyncFlagIntervalMs: { env: 'NB_PEER_SYNC_FLAG_INTERVAL', description: 'fast-path switch poll interval (Go duration)', parse: durationOr('1m') },
  logLevelRedisAddress: { env: 'NB_LOG_LEVEL_REDIS_ADDRESS', description: 'Redis polled for a runtime log-level override; unset = none', parse: optionalText },
  logLevelRedisKey: { env: 'NB_LOG_LEVEL_REDIS_KEY', description: 'key holding the log level name', parse: textOr('managementLogLevel') },
  logLevelIntervalMs: { env: 'NB_LOG_LEVEL_INTERVAL', description: 'log-level override poll interval (Go duration)', parse: durationOr('1m') },
  grpcHandshakeTimeoutMs: {
    env: 'NB_GRPC_HANDSHAKE_TIMEOUT',
    description: 'a gRPC connection that has not completed TLS (if any) and sent the HTTP/2 preface within this is closed (Go duration; grpc-go\'s default)',
    parse: positiveDurationOr('2m'),
  },
  changeBusRedisAddress: {
    env: 'NB_CHANGE_BUS_REDIS_ADDRESS',
    description: 'Redis carrying change notifications between processes; required to run more than one roost serve on one PostgreSQL store; unset = in-process bus',
    parse: optionalText,
  },
  changeBusRedisPrefix: { env: 'NB_CHANGE_BUS_REDIS_PREFIX', description: 'channel prefix on the change-bus Redis, so several deployments (or tests) share one Redis', parse: busPrefix },
  auditRetentionMs: {
    env: 'NB_AUDIT_EVENTS_RETENTION',
    description: 'audit events older than this are deleted (checked hourly; Go duration, e.g. 2160h); 0 keeps them forever, as upstream does',
    parse: (raw: string | undefined): number => {
      const ms = durationOr('0')(raw);
      if (ms < 0) throw invalidArgument(`must not be negative, got ${JSON.stringify(raw)}`);
      return ms;
    },
  },
  geolocationDb: {
    env: 'NB_GEOLOCATION_DB',
    description: 'MaxMind-format City database (.mmdb) for geo posture checks and the locations API; unset = the newest GeoLite2-City*.mmdb in the data dir, else none',
    parse: optionalText,
  },
  drainGraceMs: {
    env: 'NB_DRAIN_GRACE',
    description: 'on SIGTERM, how long /ready answers 503 while the process still serves, before it ends its streams: time for a load balancer probing /ready to take it out (Go duration)',
    parse: durationOr('0s'),
  },
  maxConcurrentSyncs: { env: 'NB_MAX_CONCURRENT_SYNCS', description: 'Sync set-ups in flight before RESOURCE_EXHAUSTED; negative disables', parse: intOr(1000) },
} as const satisfies Record<string, Setting<unknown>>;

type Settings = typeof ENV_SETTINGS;
export type EnvSettings = { readonly [K in keyof Settings]: ReturnType<Settings[K]['parse']> };

/** Reads and validates every declared variable; a bad value names its variable. */
export function readEnvSettings(env: Readonly<Record<string, string | undefined>>): EnvSettings {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(ENV_SETTINGS) as [string, Setting<unknown>][]) {
    try {
      out[key] = s.parse(env[s.env]);
    } catch (err) {
      throw invalidArgument(`${s.env}: ${(err as Error).message}`);
    }
  }
  return Object.freeze(out) as EnvSettings;
}
