import { invalidArgument } from '../errors.js';
import { toAsciiLabel } from './punycode.js';

const LABEL = '[a-zA-Z0-9_](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?';
/** Dot-separated labels, optionally behind one leading `*.` wildcard. */
const DOMAIN_RE = new RegExp(`^(?:\\*\\.)?(?:${LABEL}\\.)*${LABEL}$`);

/** Upstream accepts at most this many domains in one list (routes, NS groups, extra labels). */
export const MAX_DOMAINS = 32;

/** Whether `name` (Unicode allowed, converted label by label to Punycode) is a usable domain. */
export function isValidDomainName(name: string): boolean {
  const ascii = name.split('.').map(toAsciiLabel).join('.');
  return ascii.length > 0 && ascii.length <= 253 && DOMAIN_RE.test(ascii);
}

/** Validates a domain list, throwing InvalidArgument naming the first bad entry. */
export function checkDomainList(domains: readonly string[], what: string): readonly string[] {
  if (domains.length > MAX_DOMAINS) throw invalidArgument(`${what}: at most ${MAX_DOMAINS} domains are allowed`);
  for (const d of domains) if (!isValidDomainName(d)) throw invalidArgument(`${what}: invalid domain ${JSON.stringify(d)}`);
  return domains;
}
