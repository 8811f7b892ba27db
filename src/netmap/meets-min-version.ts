/**
 * Version floors as upstream evaluates them (hashicorp/go-version `>= min` constraints): used by
 * posture checks and by the firewall feature gates (port ranges ≥ 0.48.0, native SSH ≥ 0.60.0).
 */

/** A version as go-version reads it: numeric segments (at least 3) and an optional pre-release. */
export interface GoVersion {
  readonly segments: readonly number[];
  readonly prerelease: string;
}

const IDENT = '[0-9A-Za-z\\-~]';
const GO_VERSION = new RegExp(
  `^v?([0-9]+(?:\\.[0-9]+)*)` +
    `(?:-([0-9]+${IDENT}*(?:\\.${IDENT}+)*)|(-?[A-Za-z\\-~]+${IDENT}*(?:\\.${IDENT}+)*))?` +
    `(?:\\+(${IDENT}+(?:\\.${IDENT}+)*))?$`,
);

/** Parses like go-version's `NewVersion`; `null` when it would return an error. */
export function parseGoVersion(text: string): GoVersion | null {
  const m = GO_VERSION.exec(text);
  if (!m) return null;
  const segments = m[1]!.split('.').map(Number);
  while (segments.length < 3) segments.push(0);
  const prerelease = m[2] ?? m[3]?.replace(/^-/, '') ?? '';
  return { segments, prerelease };
}

function compareSegments(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = compareIdentifier(pa[i]!, pb[i]!);
    if (d !== 0) return d;
  }
  return Math.sign(pa.length - pb.length);
}

/**
 * `version >= min` with go-version semantics, no sanitising: unparsable input fails, and a
 * pre-release version only satisfies a pre-release floor with the same numeric segments.
 */
export function satisfiesMinVersion(min: string, version: string): boolean {
  const v = parseGoVersion(version);
  const c = parseGoVersion(min.trim());
  if (!v || !c) return false;
  if (v.prerelease !== '' && c.prerelease === '') return false;
  const bySegments = compareSegments(v.segments, c.segments);
  if (v.prerelease !== '' && c.prerelease !== '') {
    return bySegments === 0 && comparePrerelease(v.prerelease, c.prerelease) >= 0;
  }
  return bySegments >= 0;
}

/** Upstream `MeetsMinVersion`: both sides cut at the first `-`, then `satisfiesMinVersion`. */
export function meetsMinVersion(min: string, version: string): boolean {
  return satisfiesMinVersion(min.split('-')[0]!, version.split('-')[0]!);
}
