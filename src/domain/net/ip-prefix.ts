import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 CIDR as upstream's `netip.ParsePrefix` reads it. */
export interface IpPrefix {
  readonly family: 4 | 6;
  readonly bits: number;
  /** The network address (host bits cleared), printed as Go prints a `netip.Addr`. */
  readonly network: string;
}

// Go refuses a sign or a leading zero in the length ("/08").
const BITS_RE = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Family, length and network address of an IPv4 or IPv6 CIDR; undefined when malformed. Only
 * the conventional forms count, as in Go: node's `isIP` gates the address (ipaddr.js alone
 * would take `10.1`, hex or octal octets), and a zone (`fe80::1%eth0/64`) is refused.
 */
export function parseIpPrefix(cidr: string): IpPrefix | undefined {
  const slash = cidr.lastIndexOf('/');
  const addr = cidr.slice(0, slash);
  const bitsText = cidr.slice(slash + 1);
  const family = slash < 0 || addr.includes('%') ? 0 : isIP(addr);
  if ((family !== 4 && family !== 6) || !BITS_RE.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > (family === 4 ? 32 : 128)) return undefined;
  const network = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() : ipv6String(ipaddr.IPv6.networkAddressFromCIDR(`${compatible(addr)}/${bits}`));
  return { family, bits, network };
}

/**
 * ipaddr.js reads the deprecated IPv4-compatible form `::a.b.c.d` as IPv4-mapped
 * (`::ffff:a.b.c.d`); RFC 4291 and Go read `::` + 32 bits. Spelt `0::a.b.c.d` it parses right.
 */
function compatible(addr: string): string {
  return /^::[0-9.]+$/.test(addr) ? `0${addr}` : addr;
}

/** RFC 5952 text, except that an IPv4-mapped address keeps its dotted tail (Go does). */
function ipv6String(ip: ipaddr.IPv6): string {
  return ip.isIPv4MappedAddress() ? `::ffff:${ip.toIPv4Address().toString()}` : ip.toString();
}

/** `network/bits`: the prefix with host bits cleared (Go's `Prefix.Masked().String()`). */
export function formatIpPrefix(p: IpPrefix): string {
  return `${p.network}/${p.bits}`;
}

/** Whether `text` is an IPv4 or IPv6 address (no prefix; an IPv6 zone is allowed). */
export function isIpAddress(text: string): boolean {
  return isIP(text) !== 0;
}
