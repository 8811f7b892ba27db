/** IPv4 addresses as unsigned 32-bit numbers, and prefixes over them. */

export interface Ipv4Prefix {
  /** The network address (host bits cleared). */
  readonly base: number;
  readonly bits: number;
}

const OCTET_RE = /^(0|[1-9][0-9]{0,2})$/;

/** Parses a dotted quad; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!OCTET_RE.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/bits`, masking host bits off; undefined when malformed. */
export function parseIpv4Prefix(cidr: string): Ipv4Prefix | undefined {
  const [addr, bitsText, extra] = cidr.split('/');
  if (addr === undefined || bitsText === undefined || extra !== undefined || !/^[0-9]{1,2}$/.test(bitsText)) return undefined;
  const ip = parseIpv4(addr);
  const bits = Number(bitsText);
  if (ip === undefined || bits > 32) return undefined;
  return { base: maskIpv4(ip, bits), bits };
}

export function maskIpv4(ip: number, bits: number): number {
  return bits === 0 ? 0 : (ip - (ip % 2 ** (32 - bits))) >>> 0;
}

export function formatIpv4Prefix(p: Ipv4Prefix): string {
  return `${formatIpv4(p.base)}/${p.bits}`;
}

/** Number of addresses in the prefix. */
export function prefixSize(p: Ipv4Prefix): number {
  return 2 ** (32 - p.bits);
}
