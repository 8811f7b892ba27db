import type { IncomingHttpHeaders } from 'node:http';

/**
 * What upstream's CORS layer (rs/cors `AllowAll`, IDENTITY.md §6.4) answers: any origin,
 * these methods, any requested header, no credentials, no max-age.
 */
export const CORS_METHODS: ReadonlySet<string> = new Set(['HEAD', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** A CORS preflight: `OPTIONS` carrying `Access-Control-Request-Method`. Never authenticated. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && first(headers['access-control-request-method']) !== '';
}

/** OPTIONS is always allowed; other methods when upstream's list has them (any case). */
const methodAllowed = (method: string): boolean => method.toUpperCase() === 'OPTIONS' || CORS_METHODS.has(method.toUpperCase());

/**
 * Header names as the preflight lists them back: split on commas and spaces, characters that
 * cannot be in a name dropped, each word capitalised after a `-` or `_` (Go's canonical form).
 */
export function canonicalHeaderList(list: string): string[] {
  return list
    .split(/[ ,]+/)
    .map((name) => name.replace(/[^A-Za-z0-9._-]/g, ''))
    .filter((name) => name !== '')
    .map((name) => name.toLowerCase().replace(/(^|[-_])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase()));
}

/** Headers of a preflight answer (200, empty body). Only `Vary` when the origin or method is missing or refused. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = { vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' };
  const method = first(headers['access-control-request-method']);
  if (first(headers.origin) === '' || !methodAllowed(method)) return out;
  out['access-control-allow-origin'] = '*';
  out['access-control-allow-methods'] = method.toUpperCase();
  const requested = canonicalHeaderList(first(headers['access-control-request-headers']));
  if (requested.length > 0) out['access-control-allow-headers'] = requested.join(', ');
  return out;
}

/** Headers added to every other answer of a registered route: `Vary`, and the origin grant when there is an `Origin`. */
export function actualRequestHeaders(method: string, headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = { vary: 'Origin' };
  if (first(headers.origin) !== '' && methodAllowed(method)) out['access-control-allow-origin'] = '*';
  return out;
}
