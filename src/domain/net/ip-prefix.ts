import { isIP } from 'node:net';

/** Family and length of an IPv4 or IPv6 CIDR; undefined when malformed. */
export function parseIpPrefix(cidr: string): { family: 4 | 6; bits: number } | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) return undefined;
  const family = isIP(cidr.slice(0, slash));
  const bitsText = cidr.slice(slash + 1);
  if ((family !== 4 && family !== 6) || !/^[0-9]{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  return bits <= (family === 4 ? 32 : 128) ? { family, bits } : undefined;
}

/** Whether `text` is an IPv4 or IPv6 address (no prefix). */
export function isIpAddress(text: string): boolean {
  return isIP(text) !== 0;
}
