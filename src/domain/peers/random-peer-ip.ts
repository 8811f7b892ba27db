import { internal } from '../errors.js';
import { formatIpv4, parseIpv4Prefix, prefixSize } from '../net/ipv4.js';
import type { Random } from '../random.js';

/**
 * A uniformly random host address of the account network, never the network or broadcast
 * address (offset in [1, size-2]). No scan of used IPs: the (account, ip) unique index and the
 * registration retry loop settle collisions (SEMANTICS.md §3.4).
 */
export function randomPeerIp(net: string, random: Random): string {
  const prefix = parseIpv4Prefix(net);
  if (prefix === undefined || prefix.bits > 30) throw internal(`account network ${JSON.stringify(net)} cannot hold peers`);
  const offset = 1 + random.int(prefixSize(prefix) - 2);
  return formatIpv4(prefix.base + offset);
}
