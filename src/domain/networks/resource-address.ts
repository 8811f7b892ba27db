import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { invalidArgument } from '../errors.js';
import type { NetworkResource, NetworkResourceType } from '../model.js';
import { parseIpPrefix } from '../net/ip-prefix.js';

/** What a resource's `address` resolves to. */
export interface ResourceAddress {
  readonly type: NetworkResourceType;
  /** `addr/bits` for hosts and subnets (host bits kept, as upstream prints it); empty for domains. */
  readonly prefix: string;
  readonly domain: string;
}

// Upstream's rule for a domain resource: labels of letters, digits and dashes, a TLD of at
// least two letters, optionally behind one leading `*.`.
const DOMAIN_RE = /^(\*\.)?([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$/;

const addrText = (addr: string): string => (isIP(addr) === 6 ? ipaddr.IPv6.parse(addr).toString() : addr);

/**
 * Classifies an address as upstream does: a CIDR of /32 or /128 (or a bare IP) is a host, any
 * other CIDR a subnet, a domain name (wildcard allowed) a domain; anything else is refused.
 */
export function parseResourceAddress(address: string): ResourceAddress {
  const prefix = parseIpPrefix(address);
  if (prefix !== undefined) {
    const full = prefix.family === 4 ? 32 : 128;
    const addr = addrText(address.slice(0, address.lastIndexOf('/')));
    return { type: prefix.bits === full ? 'host' : 'subnet', prefix: `${addr}/${prefix.bits}`, domain: '' };
  }
  const family = address.includes('%') ? 0 : isIP(address);
  if (family === 4 || family === 6) return { type: 'host', prefix: `${addrText(address)}/${family === 4 ? 32 : 128}`, domain: '' };
  if (DOMAIN_RE.test(address)) return { type: 'domain', prefix: '', domain: address };
  throw invalidArgument(`invalid address ${JSON.stringify(address)}: not a valid host, subnet, or domain`);
}

/** The address a resource is shown with: its prefix, or its domain. */
export function resourceAddress(r: Pick<NetworkResource, 'type' | 'prefix' | 'domain'>): string {
  return r.type === 'domain' ? r.domain : r.prefix;
}
