/**
 * Posture check predicates (SEMANTICS.md §1.8), evaluated server-side against the stored peer.
 * Each kind is a pure predicate; a definition passes when every kind it holds passes.
 */
import type { Peer, PeerMeta, PostureCheckDefinition } from '../domain/model.js';
import { maskedPrefix } from './masked-prefix.js';
import { meetsMinVersion, satisfiesMinVersion } from './meets-min-version.js';

type Def = Required<PostureCheckDefinition>;

/** Geolocation of a peer's connection IP (the snapshot's `peerLocations`); `null` when unknown. */
export interface PeerLocation {
  readonly countryCode: string;
  readonly cityName: string;
}

/** NetBird client version (text before the first `-`) ≥ minimum. */
export function nbVersionPasses(check: Def['nbVersionCheck'], meta: PeerMeta): boolean {
  return meetsMinVersion(check.minVersion, meta.netbirdVersion);
}

/** Per-OS floor; an OS the check lists without an entry fails, any other OS passes. */
export function osVersionPasses(check: Def['osVersionCheck'], meta: PeerMeta): boolean {
  switch (meta.goOS) {
    case 'android':
    case 'darwin':
    case 'ios': {
      const entry = check[meta.goOS];
      return entry !== undefined && satisfiesMinVersion(entry.minVersion, meta.osVersion);
    }
    case 'linux':
      return (
        check.linux !== undefined &&
        satisfiesMinVersion(check.linux.minKernelVersion, meta.kernelVersion.split('-')[0]!)
      );
    case 'windows':
      return check.windows !== undefined && satisfiesMinVersion(check.windows.minKernelVersion, meta.kernelVersion);
    default:
      return true;
  }
}

/** Country (and city when the entry names one) match; a peer without a location fails. */
export function geoLocationPasses(check: Def['geoLocationCheck'], location: PeerLocation | null): boolean {
  if (!location || (location.countryCode === '' && location.cityName === '')) return false;
  const match = check.locations.some(
    (l) => l.countryCode === location.countryCode && (l.cityName === '' || l.cityName === location.cityName),
  );
  return check.action === 'allow' ? match : check.action === 'deny' && !match;
}

/** Some interface address, masked to its own length, equals a configured masked range. */
export function peerNetworkRangePasses(check: Def['peerNetworkRangeCheck'], meta: PeerMeta): boolean {
  if (meta.networkAddresses.length === 0) return false;
  const ranges = new Set(check.ranges.map(maskedPrefix).filter((p) => p !== null));
  const match = meta.networkAddresses.some((a) => {
    const p = maskedPrefix(a.netIP);
    return p !== null && ranges.has(p);
  });
  return check.action === 'allow' ? match : check.action === 'deny' && !match;
}

const PROCESS_PATH = {
  linux: 'linuxPath',
  darwin: 'macPath',
  windows: 'windowsPath',
} as const;

/** Every listed process has a path for the peer's OS that the peer reports as running. */
export function processPasses(check: Def['processCheck'], meta: PeerMeta): boolean {
  const field = PROCESS_PATH[meta.goOS as keyof typeof PROCESS_PATH];
  if (field === undefined) return false;
  const running = new Set(meta.files.filter((f) => f.processIsRunning).map((f) => f.path));
  return check.processes.every((p) => p[field] !== '' && running.has(p[field]));
}

/** All kinds present in the definition pass for this peer. */
export function passesPostureCheck(
  def: PostureCheckDefinition,
  peer: Peer,
  location: PeerLocation | null = null,
): boolean {
  const m = peer.meta;
  if (def.nbVersionCheck && !nbVersionPasses(def.nbVersionCheck, m)) return false;
  if (def.osVersionCheck && !osVersionPasses(def.osVersionCheck, m)) return false;
  if (def.geoLocationCheck && !geoLocationPasses(def.geoLocationCheck, location)) return false;
  if (def.peerNetworkRangeCheck && !peerNetworkRangePasses(def.peerNetworkRangeCheck, m)) return false;
  if (def.processCheck && !processPasses(def.processCheck, m)) return false;
  return true;
}
