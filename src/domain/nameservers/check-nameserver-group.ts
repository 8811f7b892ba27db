import { invalidArgument } from '../errors.js';
import type { NameServer } from '../model.js';
import { checkDomainList } from '../net/domain-name.js';
import { isIpAddress } from '../net/ip-prefix.js';

export const MAX_NAMESERVERS = 3;
export const MAX_NS_GROUP_NAME_LENGTH = 40;

/** The parts of a nameserver group whose combination matters. */
export interface NameServerGroupShape {
  readonly name: string;
  readonly nameServers: readonly NameServer[];
  readonly groups: readonly string[];
  readonly primary: boolean;
  readonly domains: readonly string[];
  readonly searchDomainsEnabled: boolean;
}

/**
 * Upstream's rules (SEMANTICS.md §1.11): 1..3 nameservers with parsable IPs, UDP (type 1)
 * and a valid port; primary xor match domains; search domains only with match domains; at
 * least one distribution group; a name of 1..40 characters.
 */
export function checkNameServerGroup(g: NameServerGroupShape): void {
  if (g.name === '' || g.name.length > MAX_NS_GROUP_NAME_LENGTH) throw invalidArgument(`name must have 1 to ${MAX_NS_GROUP_NAME_LENGTH} characters`);
  if (g.nameServers.length === 0 || g.nameServers.length > MAX_NAMESERVERS) throw invalidArgument(`between 1 and ${MAX_NAMESERVERS} nameservers are required`);
  for (const ns of g.nameServers) {
    if (!isIpAddress(ns.ip)) throw invalidArgument(`invalid nameserver IP ${JSON.stringify(ns.ip)}`);
    if (ns.nsType !== 1) throw invalidArgument('only UDP nameservers (type 1) are supported');
    if (!Number.isInteger(ns.port) || ns.port < 1 || ns.port > 65535) throw invalidArgument(`invalid nameserver port ${ns.port}`);
  }
  if (g.primary === g.domains.length > 0) throw invalidArgument('a nameserver group is either primary or has match domains');
  if (g.primary && g.searchDomainsEnabled) throw invalidArgument('search domains are not allowed on a primary nameserver group');
  checkDomainList(g.domains, 'match domains');
  if (g.groups.length === 0) throw invalidArgument('at least one distribution group is required');
}
