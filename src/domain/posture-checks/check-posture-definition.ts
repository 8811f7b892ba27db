import { invalidArgument } from '../errors.js';
import type { PostureCheckDefinition } from '../model.js';
import { parseIpPrefix } from '../net/ip-prefix.js';

const VERSION_RE = /^v?[0-9]+(\.[0-9]+){0,2}([-+].*)?$/;
const ACTIONS = new Set(['allow', 'deny']);

function checkVersion(v: string | undefined, what: string): void {
  if (v === undefined || !VERSION_RE.test(v)) throw invalidArgument(`${what}: invalid version ${JSON.stringify(v)}`);
}

function checkOsVersions(os: NonNullable<PostureCheckDefinition['osVersionCheck']>): void {
  const entries = [os.android?.minVersion, os.darwin?.minVersion, os.ios?.minVersion, os.linux?.minKernelVersion, os.windows?.minKernelVersion];
  if (entries.every((e) => e === undefined)) throw invalidArgument('OS version check: no operating system given');
  entries.forEach((e) => e !== undefined && checkVersion(e, 'OS version check'));
}

/** Rejects a definition the evaluator could not apply (throws InvalidArgument). */
export function checkPostureDefinition(d: PostureCheckDefinition): void {
  const kinds = [d.nbVersionCheck, d.osVersionCheck, d.geoLocationCheck, d.peerNetworkRangeCheck, d.processCheck];
  if (kinds.every((k) => k === undefined)) throw invalidArgument('posture check defines no check');
  if (d.nbVersionCheck !== undefined) checkVersion(d.nbVersionCheck.minVersion, 'NetBird version check');
  if (d.osVersionCheck !== undefined) checkOsVersions(d.osVersionCheck);
  if (d.geoLocationCheck !== undefined) {
    const g = d.geoLocationCheck;
    if (!ACTIONS.has(g.action)) throw invalidArgument('geo location check: action must be allow or deny');
    if (g.locations.length === 0) throw invalidArgument('geo location check: no locations');
    if (g.locations.some((l) => !/^[A-Z]{2}$/.test(l.countryCode))) throw invalidArgument('geo location check: country codes are two capital letters');
  }
  if (d.peerNetworkRangeCheck !== undefined) {
    const r = d.peerNetworkRangeCheck;
    if (!ACTIONS.has(r.action)) throw invalidArgument('network range check: action must be allow or deny');
    if (r.ranges.length === 0) throw invalidArgument('network range check: no ranges');
    const bad = r.ranges.find((x) => parseIpPrefix(x) === undefined);
    if (bad !== undefined) throw invalidArgument(`network range check: invalid prefix ${JSON.stringify(bad)}`);
  }
  if (d.processCheck !== undefined) {
    const ps = d.processCheck.processes;
    if (ps.length === 0) throw invalidArgument('process check: no processes');
    if (ps.some((p) => p.linuxPath === '' && p.macPath === '' && p.windowsPath === '')) throw invalidArgument('process check: a process has no path');
  }
}
