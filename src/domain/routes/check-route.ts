import { invalidArgument } from '../errors.js';
import type { RouteNetworkType } from '../model.js';
import { checkDomainList } from '../net/domain-name.js';
import { parseIpPrefix } from '../net/ip-prefix.js';

/** Placeholder network of domain routes (SEMANTICS.md §1.9). */
export const DOMAIN_ROUTE_NETWORK = '192.0.2.0/32';
export const MAX_NET_ID_LENGTH = 40;

/** The parts of a route request whose combination matters. */
export interface RouteShape {
  readonly netId: string;
  readonly network?: string;
  readonly domains?: readonly string[];
  readonly peer?: string;
  readonly peerGroups?: readonly string[];
  readonly metric: number;
  readonly groups: readonly string[];
}

/**
 * Validates a route's shape and resolves its network: a prefix (IPv4 → type 1, IPv6 → 2)
 * xor domains (type 3, placeholder network); a routing peer xor peer groups; metric 1..9999;
 * a NetID of 1..40 characters; at least one distribution group.
 */
export function checkRoute(r: RouteShape): { network: string; networkType: RouteNetworkType; domains: string[] } {
  if (r.netId === '' || r.netId.length > MAX_NET_ID_LENGTH) throw invalidArgument(`network ID must have 1 to ${MAX_NET_ID_LENGTH} characters`);
  if (!Number.isInteger(r.metric) || r.metric < 1 || r.metric > 9999) throw invalidArgument('metric must be between 1 and 9999');
  const hasPeer = (r.peer ?? '') !== '';
  const hasPeerGroups = (r.peerGroups ?? []).length > 0;
  if (hasPeer === hasPeerGroups) throw invalidArgument('exactly one of peer and peer groups must be set');
  if (r.groups.length === 0) throw invalidArgument('at least one distribution group is required');
  const hasNetwork = (r.network ?? '') !== '';
  const domains = [...(r.domains ?? [])];
  if (hasNetwork === domains.length > 0) throw invalidArgument('exactly one of network and domains must be set');
  if (domains.length > 0) {
    checkDomainList(domains, 'route domains');
    return { network: DOMAIN_ROUTE_NETWORK, networkType: 3, domains };
  }
  const prefix = parseIpPrefix(r.network ?? '');
  if (prefix === undefined) throw invalidArgument(`invalid network ${JSON.stringify(r.network)}`);
  return { network: r.network ?? '', networkType: prefix.family === 4 ? 1 : 2, domains: [] };
}
