/**
 * DNS forwarder port advertised to clients (SEMANTICS.md §4.10): the new well-known port only
 * when every peer of the account runs ≥ 0.59.0, compared with Go's `x/mod/semver` rules.
 */

export const DNS_FORWARDER_PORT = 22054;
export const LEGACY_DNS_FORWARDER_PORT = 5353;
const MIN_VERSION = 'v0.59.0';

interface Semver {
  readonly core: readonly [string, string, string];
  readonly prerelease: readonly string[];
}

const NUM = '(0|[1-9][0-9]*)';
const IDS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const GO_SEMVER = new RegExp(`^v${NUM}(?:\\.${NUM}(?:\\.${NUM}(?:-(${IDS}))?(?:\\+${IDS})?)?)?$`);

/** `x/mod/semver` parsing (shorthands `v1`, `v1.2` allowed; build metadata ignored). */
function parseSemver(v: string): Semver | null {
  const m = GO_SEMVER.exec(v);
  if (!m) return null;
  const prerelease = m[4] === undefined ? [] : m[4].split('.');
  if (prerelease.some((id) => /^0[0-9]+$/.test(id))) return null;
  return { core: [m[1]!, m[2] ?? '0', m[3] ?? '0'], prerelease };
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    const d = xn && yn ? compareNumeric(x, y) : xn !== yn ? (xn ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return Math.sign(a.length - b.length);
}

function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) {
    const d = compareNumeric(a.core[i]!, b.core[i]!);
    if (d !== 0) return d;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** True when this client version may use the new forwarder port (`development` counts as new). */
export function supportsNewForwarderPort(netbirdVersion: string): boolean {
  if (netbirdVersion === 'development') return true;
  const v = parseSemver(`v${netbirdVersion}`);
  return v !== null && compareSemver(v, parseSemver(MIN_VERSION)!) >= 0;
}

/** 22054 iff there is at least one peer and every one supports it; otherwise 5353. */
export function computeForwarderPort(netbirdVersions: readonly string[]): number {
  if (netbirdVersions.length === 0) return LEGACY_DNS_FORWARDER_PORT;
  return netbirdVersions.every(supportsNewForwarderPort) ? DNS_FORWARDER_PORT : LEGACY_DNS_FORWARDER_PORT;
}
