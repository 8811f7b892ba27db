import { invalidArgument } from '../errors.js';
import { formatIpv4, parseIpv4Prefix, prefixSize } from '../net/ipv4.js';
import type { Random } from '../random.js';

/**
 * `count` distinct host addresses of `net`, none in `avoid`: random picks first, then a
 * scan when the range is crowded. InvalidArgument when the range cannot hold them.
 */
export function assignIps(net: string, count: number, avoid: ReadonlySet<string>, random: Random): string[] {
  const prefix = parseIpv4Prefix(net);
  if (prefix === undefined || prefix.bits > 30) throw invalidArgument(`network range ${JSON.stringify(net)} cannot hold peers`);
  const hosts = prefixSize(prefix) - 2;
  const chosen = new Set<string>();
  const usable = (ip: string): boolean => !avoid.has(ip) && !chosen.has(ip);
  for (let tries = 0; chosen.size < count && tries < count * 20; tries++) {
    const ip = formatIpv4(prefix.base + 1 + random.int(hosts));
    if (usable(ip)) chosen.add(ip);
  }
  for (let offset = 1; chosen.size < count && offset <= hosts; offset++) {
    const ip = formatIpv4(prefix.base + offset);
    if (usable(ip)) chosen.add(ip);
  }
  if (chosen.size < count) throw invalidArgument(`network range ${net} is too small for ${count} peers`);
  return [...chosen];
}
