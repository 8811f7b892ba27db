import type { RedisOptions } from 'ioredis';
import { invalidArgument } from '../domain/errors.js';

/** The connection part of ioredis options that an address determines. */
export type RedisAddressOptions = Pick<RedisOptions, 'host' | 'port' | 'username' | 'password' | 'db' | 'tls'> & {
  readonly host: string;
  readonly port: number;
};

const DEFAULT_PORT = 6379;

/**
 * Parses a Redis address as the environment gives it into ioredis connection options:
 *
 * - `host:port` (also `[ipv6]:port`, or a bare `host` meaning port 6379);
 * - `redis://[[user]:password@]host[:port][/db]` — URL-encoded credentials, default port 6379,
 *   default db 0;
 * - `rediss://…` — the same over TLS.
 *
 * Query options (`?dial_timeout=…`, which go-redis understands) are rejected rather than
 * silently ignored.
 *
 * @throws RoostError InvalidArgument when the text is not such an address.
 */
export function parseRedisAddress(text: string): RedisAddressOptions {
  const s = text.trim();
  if (s === '') throw invalidArgument('empty Redis address');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s)?.[1]?.toLowerCase();
  if (scheme === undefined) return parseHostPort(s, text);
  if (scheme !== 'redis' && scheme !== 'rediss') {
    throw invalidArgument(`unsupported Redis address scheme ${JSON.stringify(scheme)} (want redis:// or rediss://)`);
  }
  return parseUrl(s, scheme === 'rediss', text);
}

function parseUrl(s: string, tls: boolean, text: string): RedisAddressOptions {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw invalidArgument(`invalid Redis URL ${JSON.stringify(text)}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalidArgument(`Redis URL options are not supported in ${JSON.stringify(text)}`);
  }
  const host = unbracket(url.hostname);
  if (host === '') throw invalidArgument(`missing host in Redis URL ${JSON.stringify(text)}`);
  const options: RedisAddressOptions = {
    host,
    port: url.port === '' ? DEFAULT_PORT : parsePort(url.port, text),
    ...credentials(url, text),
    ...database(url.pathname, text),
    ...(tls ? { tls: {} } : {}),
  };
  return options;
}

function credentials(url: URL, text: string): { username?: string; password?: string } {
  const out: { username?: string; password?: string } = {};
  try {
    if (url.username !== '') out.username = decodeURIComponent(url.username);
    if (url.password !== '') out.password = decodeURIComponent(url.password);
  } catch {
    throw invalidArgument(`invalid credentials encoding in Redis URL ${JSON.stringify(text)}`);
  }
  return out;
}

function database(pathname: string, text: string): { db?: number } {
  if (pathname === '' || pathname === '/') return {};
  const m = /^\/(\d{1,5})$/.exec(pathname);
  if (m === null) throw invalidArgument(`invalid Redis database in ${JSON.stringify(text)}`);
  return { db: Number(m[1]) };
}

function parseHostPort(s: string, text: string): RedisAddressOptions {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
  if (bracketed !== null) {
    const port = bracketed[2];
    return { host: bracketed[1] ?? '', port: port === undefined ? DEFAULT_PORT : parsePort(port, text) };
  }
  const parts = s.split(':');
  if (parts.length > 2) {
    throw invalidArgument(`invalid Redis address ${JSON.stringify(text)} (write IPv6 hosts as [addr]:port)`);
  }
  const [host = '', port] = parts;
  if (host === '' || /[\s/@]/.test(host)) throw invalidArgument(`invalid Redis host in ${JSON.stringify(text)}`);
  return { host, port: port === undefined ? DEFAULT_PORT : parsePort(port, text) };
}

function parsePort(port: string, text: string): number {
  const n = /^\d{1,5}$/.test(port) ? Number(port) : NaN;
  if (!(n >= 1 && n <= 65_535)) throw invalidArgument(`invalid Redis port in ${JSON.stringify(text)}`);
  return n;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
