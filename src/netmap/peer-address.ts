import type { Account, Peer } from '../domain/model.js';
import { internal } from '../domain/errors.js';

/**
 * The peer's overlay address as clients render it: `<ip>/<prefix bits of the account network>`,
 * e.g. `100.77.12.9/16`. Login and every network map must send this exact string (PROTOCOL.md
 * §14: a textual mismatch makes ≥ 0.67 clients restart their engine on every map).
 */
export function peerAddress(peer: Pick<Peer, 'ip'>, account: Pick<Account, 'network'>): string {
  const bits = account.network.net.split('/')[1] ?? '';
  if (!/^(0|[1-9][0-9]?)$/.test(bits) || Number(bits) > 32) {
    throw internal(`account network ${JSON.stringify(account.network.net)} has no IPv4 prefix length`);
  }
  return `${peer.ip}/${bits}`;
}
