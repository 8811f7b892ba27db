import type { NetworkAddress, PeerFile, PeerFlags, PeerMeta } from '../model.js';

const STRING_FIELDS = [
  'hostname',
  'goOS',
  'kernel',
  'core',
  'platform',
  'os',
  'osVersion',
  'netbirdVersion',
  'uiVersion',
  'kernelVersion',
  'sysSerialNumber',
  'sysProductName',
  'sysManufacturer',
] as const satisfies readonly (keyof PeerMeta)[];

const FLAG_FIELDS = [
  'rosenpassEnabled',
  'rosenpassPermissive',
  'serverSSHAllowed',
  'disableClientRoutes',
  'disableServerRoutes',
  'disableDNS',
  'disableFirewall',
  'blockLANAccess',
  'blockInbound',
  'lazyConnectionEnabled',
] as const satisfies readonly (keyof PeerFlags)[];

/** What an old client's empty request carries: every string empty, no addresses, no files (flags ignored). */
export function isEmptyMeta(m: PeerMeta): boolean {
  return (
    STRING_FIELDS.every((f) => m[f] === '') &&
    m.environment.cloud === '' &&
    m.environment.platform === '' &&
    m.networkAddresses.length === 0 &&
    m.files.length === 0
  );
}

export function flagsEqual(a: PeerFlags, b: PeerFlags): boolean {
  return FLAG_FIELDS.every((f) => a[f] === b[f]);
}

const addressKey = (a: NetworkAddress): string => `${a.mac}\u0000${a.netIP}`;
const fileKey = (f: PeerFile): string => `${f.path}\u0000${f.exist}\u0000${f.processIsRunning}`;

/** Same multiset of entries, whatever the order. */
function sameEntries<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): boolean {
  if (a.length !== b.length) return false;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.every((k, i) => k === kb[i]);
}

/** Field-by-field equality; addresses and files compared order-insensitively. */
export function metaEqual(a: PeerMeta, b: PeerMeta): boolean {
  return (
    STRING_FIELDS.every((f) => a[f] === b[f]) &&
    a.environment.cloud === b.environment.cloud &&
    a.environment.platform === b.environment.platform &&
    flagsEqual(a.flags, b.flags) &&
    sameEntries(a.networkAddresses, b.networkAddresses, addressKey) &&
    sameEntries(a.files, b.files, fileKey)
  );
}

/**
 * Upstream's UpdateMetaIfNew (SEMANTICS.md §1.3, PROTOCOL.md §13.3): an entirely empty meta
 * never overwrites; an empty uiVersion keeps the stored one; otherwise the incoming meta
 * replaces the stored one when anything differs.
 */
export function mergeMeta(stored: PeerMeta, incoming: PeerMeta): { meta: PeerMeta; changed: boolean } {
  if (isEmptyMeta(incoming)) return { meta: stored, changed: false };
  const candidate = incoming.uiVersion === '' ? { ...incoming, uiVersion: stored.uiVersion } : incoming;
  if (metaEqual(stored, candidate)) return { meta: stored, changed: false };
  return { meta: candidate, changed: true };
}
