/**
 * Port expansion of a policy rule into firewall-rule port specs for one receiving peer
 * (SEMANTICS.md §4.3): port ranges need the *receiver* to run ≥ 0.48.0, and the native SSH
 * port 22022 is added next to 22 for `netbird-ssh` rules or native-SSH capable receivers.
 */
import type { Peer, PolicyRule, PortRange } from '../domain/model.js';
import { meetsMinVersion } from './meets-min-version.js';

const MIN_PORT_RANGES = '0.48.0';
const MIN_NATIVE_SSH = '0.60.0';
const SSH_PORT = 22;
const NATIVE_SSH_PORT = 22022;

export interface FirewallFeatures {
  readonly portRanges: boolean;
  readonly nativeSsh: boolean;
}

/** One expanded port selection: a single port (text) or a range, or neither. */
export interface PortSpec {
  readonly port: string;
  readonly portRange: PortRange | null;
}

const NO_PORT: readonly PortSpec[] = Object.freeze([Object.freeze({ port: '', portRange: null })]);

/** What the client version supports; any version containing `dev` supports everything. */
export function firewallFeatures(netbirdVersion: string): FirewallFeatures {
  if (netbirdVersion.includes('dev')) return { portRanges: true, nativeSsh: true };
  const nativeSsh = meetsMinVersion(MIN_NATIVE_SSH, netbirdVersion);
  return { nativeSsh, portRanges: nativeSsh || meetsMinVersion(MIN_PORT_RANGES, netbirdVersion) };
}

/** Whether the 22022 companion rule applies for this rule and receiver. */
export function nativeSshApplies(
  rule: Pick<PolicyRule, 'protocol'>,
  receiver: Pick<Peer, 'sshEnabled' | 'meta'>,
  features: FirewallFeatures,
): boolean {
  if (rule.protocol === 'netbird-ssh') return true;
  return features.nativeSsh && receiver.sshEnabled && receiver.meta.flags.serverSSHAllowed && rule.protocol === 'tcp';
}

function covers(spec: PortSpec, port: number): boolean {
  return spec.port === String(port) || (spec.portRange !== null && spec.portRange.start <= port && port <= spec.portRange.end);
}

function withNativeSsh(specs: readonly PortSpec[]): readonly PortSpec[] {
  if (specs.some((s) => covers(s, NATIVE_SSH_PORT))) return specs;
  if (!specs.some((s) => covers(s, SSH_PORT))) return specs;
  return [...specs, { port: String(NATIVE_SSH_PORT), portRange: null }];
}

/**
 * Port specs for a rule: one portless spec when the rule has neither ports nor ranges (and then
 * no native-SSH companion); else one per port; else one per range (old receivers keep only
 * single-port ranges, as a port). May be empty (old receiver, multi-port ranges only).
 */
export function expandRulePorts(
  rule: Pick<PolicyRule, 'ports' | 'portRanges'>,
  portRanges: boolean,
  nativeSsh: boolean,
): readonly PortSpec[] {
  if (rule.ports.length === 0 && rule.portRanges.length === 0) return NO_PORT;
  let specs: PortSpec[];
  if (rule.ports.length > 0) {
    specs = rule.ports.map((port) => ({ port, portRange: null }));
  } else if (portRanges) {
    specs = rule.portRanges.map((r) => ({ port: '', portRange: { start: r.start, end: r.end } }));
  } else {
    specs = rule.portRanges.filter((r) => r.start === r.end).map((r) => ({ port: String(r.start), portRange: null }));
  }
  return nativeSsh ? withNativeSsh(specs) : specs;
}
