import { invalidArgument } from '../errors.js';
import type { PortRange, RuleProtocol } from '../model.js';

/** The port a `netbird-ssh` rule opens: the client's native SSH server. */
export const NATIVE_SSH_PORT = 22022;

/** What one rule string of a temporary-access request grants the temporary peer. */
export interface TemporaryAccessRule {
  readonly protocol: RuleProtocol;
  /** Empty for `all` and `icmp` (any port). */
  readonly portRanges: readonly PortRange[];
}

function parsePort(text: string): number {
  if (text === '') throw invalidArgument('empty port');
  // Go's strconv.Atoi takes an optional sign and decimal digits only.
  if (!/^[+-]?[0-9]+$/.test(text)) throw invalidArgument(`invalid port ${JSON.stringify(text)}`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw invalidArgument(`port out of range (1–65535): ${port}`);
  return port;
}

function parsePortRange(text: string): PortRange {
  if (!text.includes('-')) {
    const port = parsePort(text);
    return { start: port, end: port };
  }
  const parts = text.split('-');
  if (parts.length !== 2) throw invalidArgument(`invalid port range ${JSON.stringify(text)}`);
  const start = parsePort(parts[0]!.trim());
  const end = parsePort(parts[1]!.trim());
  if (start > end) throw invalidArgument(`invalid port range: start ${start} > end ${end}`);
  return { start, end };
}

/**
 * Reads one rule string of `POST /api/peers/{id}/temporary-access` as upstream's
 * `ParseRuleString` does: `all`, `icmp`, `tcp/<port>`, `udp/<port>`, `tcp/<from>-<to>` (case and
 * outer spaces ignored), or `netbird-ssh/<anything>` (always the native SSH port). Anything
 * else is InvalidArgument with upstream's wording. Upstream stores a zero port range for `all`
 * and `icmp`; here they carry none, which the network map reads the same way (every port).
 */
export function parseTemporaryAccessRule(rule: string): TemporaryAccessRule {
  const text = rule.trim().toLowerCase();
  if (text === 'all' || text === 'icmp') return { protocol: text, portRanges: [] };
  const split = text.split('/');
  if (split.length !== 2) throw invalidArgument('invalid rule format: expected protocol/port or protocol/port-range');
  const proto = split[0]!.trim();
  const ports = split[1]!.trim();
  switch (proto) {
    case 'tcp':
    case 'udp':
      return { protocol: proto, portRanges: [parsePortRange(ports)] };
    case 'icmp':
      throw invalidArgument("icmp does not accept ports; use 'icmp' without '/…'");
    case 'netbird-ssh':
      return { protocol: 'netbird-ssh', portRanges: [{ start: NATIVE_SSH_PORT, end: NATIVE_SSH_PORT }] };
    default:
      throw invalidArgument(`invalid protocol: ${JSON.stringify(proto)}`);
  }
}
