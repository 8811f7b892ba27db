/**
 * Paths upstream's middleware lets through without credentials (IDENTITY.md §3.1), as shell
 * patterns where `*` stops at `/`. Only routes that exist answer; the rest stay 404.
 */
export const AUTH_BYPASS_PATTERNS: readonly string[] = [
  '/api/instance', // `/api/instance/version` needs auth
  '/api/setup',
  '/api/users/invites/nbi_*',
  '/api/users/invites/nbi_*/accept',
  '/api/reverse-proxy/callback',
];

const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const BYPASS = AUTH_BYPASS_PATTERNS.map((p) => new RegExp(`^${p.split('*').map(escape).join('[^/]*')}$`));

/** The path part of a request URL, percent-decoded as Go's `URL.Path` is (undecodable: as sent). */
export function requestPath(url: string): string {
  const raw = url.split('?', 1)[0]!.split('#', 1)[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Whether `url` (path and query, as fastify's `request.url`) skips authentication. */
export function isAuthBypassed(url: string): boolean {
  const path = requestPath(url);
  return BYPASS.some((re) => re.test(path));
}
