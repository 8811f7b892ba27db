/**
 * IPv4 addresses as unsigned 32-bit numbers, and prefixes over them: the account network, whose
 * peers get addresses by offset arithmetic (`base + n`). Parsing and printing are ipaddr.js's;
 * prefixes are read by `parseIpPrefix`, so the account network follows the route rules.
 */
import ipaddr from 'ipaddr.js';
import { parseIpPrefix } from './ip-prefix.js';

export interface Ipv4Prefix {
  /** The network address (host bits cleared). */
  readonly base: number;
  readonly bits: number;
}

const toNumber = (ip: ipaddr.IPv4): number => ip.octets.reduce((n, octet) => n * 256 + octet, 0);

/** Parses a dotted quad (decimal, no leading zeros); undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  // ipaddr.js alone would also take `10.1`, hex and octal parts.
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? toNumber(ipaddr.IPv4.parse(text)) : undefined;
}

export function formatIpv4(n: number): string {
  return new ipaddr.IPv4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
}

/** Parses `a.b.c.d/bits`, masking host bits off; undefined when malformed or IPv6. */
export function parseIpv4Prefix(cidr: string): Ipv4Prefix | undefined {
  const p = parseIpPrefix(cidr);
  if (p?.family !== 4) return undefined;
  return { base: toNumber(ipaddr.IPv4.parse(p.network)), bits: p.bits };
}

export function formatIpv4Prefix(p: Ipv4Prefix): string {
  return `${formatIpv4(p.base)}/${p.bits}`;
}

/** Number of addresses in the prefix. */
export function prefixSize(p: Ipv4Prefix): number {
  return 2 ** (32 - p.bits);
}
