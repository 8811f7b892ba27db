import type { NetworkAddress, PeerFile, PeerFlags, PeerMeta } from '../domain/model.js';

/**
 * A 64-bit fingerprint of everything the stored peer record compares (PROTOCOL.md §13.3), as
 * an unsigned decimal string. The Sync fast path caches it with the serial and only skips the
 * network map when the reconnecting peer presents the same fingerprint, so any meta change
 * forces the slow path (which stores the new meta).
 *
 * Choices, and why:
 * - Input: every field of `PeerMeta` — a compile-time table below makes adding a field to the
 *   model a type error here until it is hashed. Upstream hashes only five fields plus MACs,
 *   letting e.g. changed flags or files take the fast path without being stored.
 * - Not input: the connection's public IP (not part of `PeerMeta`): a roaming peer with
 *   unchanged meta should still take the fast path.
 * - Encoding: a JSON array of `[fieldName, value]` pairs. JSON quotes and escapes strings, so
 *   ("ab","c") and ("a","bc") encode differently; lists are sorted first (addresses by MAC then
 *   prefix, files by path then flags) so reporting order does not matter.
 * - Hash: FNV-1a 64 over the UTF-8 bytes — small, dependency-free and plenty for change
 *   detection (not a security boundary: a peer can only fool its own cache entry). The value
 *   never leaves the server, so it need not match upstream's.
 */
export function metaHash(meta: PeerMeta): string {
  return fnv1a64(UTF8.encode(canonicalMeta(meta))).toString();
}

const UTF8 = new TextEncoder();

/** The canonical text `metaHash` hashes (exported for tests and debugging). */
export function canonicalMeta(meta: PeerMeta): string {
  return JSON.stringify(FIELD_ORDER.map((name) => [name, encodeField(name, meta)]));
}

type FieldEncoders = { [K in keyof PeerMeta]: (value: PeerMeta[K]) => unknown };

const same = <T>(v: T): T => v;

const FIELDS: FieldEncoders = {
  hostname: same,
  goOS: same,
  kernel: same,
  core: same,
  platform: same,
  os: same,
  osVersion: same,
  netbirdVersion: same,
  uiVersion: same,
  kernelVersion: same,
  networkAddresses: (list) => sortedAddresses(list),
  sysSerialNumber: same,
  sysProductName: same,
  sysManufacturer: same,
  environment: (env) => [env.cloud, env.platform],
  files: (list) => sortedFiles(list),
  flags: (flags) => FLAG_NAMES.map((name) => [name, flags[name]]),
};

const FIELD_ORDER = (Object.keys(FIELDS) as (keyof PeerMeta)[]).sort();

/** Every flag, listed through a table the compiler checks against `PeerFlags`. */
const FLAG_TABLE: { readonly [K in keyof PeerFlags]-?: true } = {
  rosenpassEnabled: true,
  rosenpassPermissive: true,
  serverSSHAllowed: true,
  disableClientRoutes: true,
  disableServerRoutes: true,
  disableDNS: true,
  disableFirewall: true,
  blockLANAccess: true,
  blockInbound: true,
  lazyConnectionEnabled: true,
};
const FLAG_NAMES = (Object.keys(FLAG_TABLE) as (keyof PeerFlags)[]).sort();

function encodeField<K extends keyof PeerMeta>(name: K, meta: PeerMeta): unknown {
  return FIELDS[name](meta[name]);
}

function sortedAddresses(list: readonly NetworkAddress[]): (readonly [string, string])[] {
  return list.map((a) => [a.mac, a.netIP] as const).sort(compareTuples);
}

function sortedFiles(list: readonly PeerFile[]): (readonly [string, boolean, boolean])[] {
  return list.map((f) => [f.path, f.exist, f.processIsRunning] as const).sort(compareTuples);
}

/** Total order on tuples of strings/booleans by code unit (locale-independent). */
function compareTuples(a: readonly (string | boolean)[], b: readonly (string | boolean)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * FNV-1a, 64-bit (offset 0xcbf29ce484222325, prime 2^40 + 0x1b3). Computed on four 16-bit
 * limbs in plain numbers — about 10× faster than BigInt arithmetic; the test checks it
 * against a BigInt reference.
 */
export function fnv1a64(bytes: Uint8Array): bigint {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const b of bytes) {
    h0 ^= b;
    // h * 0x1b3, plus h << 40 (limb shift by 2, then 8 bits); bits past 64 are dropped.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return (BigInt(h3) << 48n) | (BigInt(h2) << 32n) | (BigInt(h1) << 16n) | BigInt(h0);
}
