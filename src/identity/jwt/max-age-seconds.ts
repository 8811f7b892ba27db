/**
 * The `max-age` of a Cache-Control header in seconds, 0 when absent or unreadable: the JWKS
 * expiry upstream uses (IDENTITY.md §2.2). The first `max-age=` directive wins; its value is a
 * plain (optionally signed) integer, as Go's Atoi reads it.
 */
export function maxAgeSeconds(cacheControl: string | null | undefined): number {
  for (const raw of (cacheControl ?? '').split(',')) {
    const directive = raw.trim();
    if (!directive.startsWith('max-age=')) continue;
    const value = directive.slice('max-age='.length);
    return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
  }
  return 0;
}
