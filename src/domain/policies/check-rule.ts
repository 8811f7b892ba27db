import { invalidArgument } from '../errors.js';
import type { PolicyRule } from '../model.js';

const PROTOCOLS = new Set(['all', 'tcp', 'udp', 'icmp', 'netbird-ssh']);
const ACTIONS = new Set(['accept', 'drop']);
const PORT_RE = /^[0-9]{1,5}$/;

const isPort = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535;

/** Rejects a rule the network map could not use (throws InvalidArgument). */
export function checkRule(r: PolicyRule): void {
  const where = `rule ${JSON.stringify(r.name)}`;
  if (!PROTOCOLS.has(r.protocol)) throw invalidArgument(`${where}: unknown protocol ${JSON.stringify(r.protocol)}`);
  if (!ACTIONS.has(r.action)) throw invalidArgument(`${where}: unknown action ${JSON.stringify(r.action)}`);
  for (const p of r.ports) {
    if (!PORT_RE.test(p) || !isPort(Number(p))) throw invalidArgument(`${where}: invalid port ${JSON.stringify(p)}`);
  }
  for (const range of r.portRanges) {
    if (!isPort(range.start) || !isPort(range.end) || range.start > range.end) {
      throw invalidArgument(`${where}: invalid port range ${range.start}-${range.end}`);
    }
  }
  const hasPorts = r.ports.length > 0 || r.portRanges.length > 0;
  if (hasPorts && (r.protocol === 'all' || r.protocol === 'icmp')) throw invalidArgument(`${where}: ports are not allowed with protocol ${r.protocol}`);
  if (r.sources.length === 0 && r.sourceResource === null) throw invalidArgument(`${where}: no sources`);
  if (r.destinations.length === 0 && r.destinationResource === null) throw invalidArgument(`${where}: no destinations`);
}
