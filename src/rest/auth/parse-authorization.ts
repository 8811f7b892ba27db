/** Schemes that carry a personal access token: upstream's `Token`, and `Bearer` for tools that only know that one. */
const SCHEMES = new Set(['token', 'bearer']);

/**
 * The credential of an `Authorization` header (`Token <pat>` or `Bearer <pat>`, scheme in any
 * case); undefined when the header is absent, malformed or uses another scheme.
 */
export function parseAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (match === null || !SCHEMES.has(match[1]!.toLowerCase())) return undefined;
  return match[2];
}
