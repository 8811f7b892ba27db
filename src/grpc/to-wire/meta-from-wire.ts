import { isIPv4, isIPv6 } from 'node:net';
import type { PeerSystemMeta } from '../../gen/management_pb.js';
import type { PeerMeta } from '../../domain/model.js';
import { EMPTY_META } from '../../domain/peer-meta.js';
import { checkPeerInputBounds } from '../../domain/peers/check-peer-input-bounds.js';

/** Whether `text` is an interface prefix like `192.168.1.20/24` or `fe80::1/64`. */
export function isPrefix(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const ip = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  const n = Number(bits);
  return (isIPv4(ip) && n <= 32) || (isIPv6(ip) && n <= 128);
}

/**
 * The stored meta record built from a request's meta (SEMANTICS.md §1.3): OSVersion falls back to
 * `core`; addresses whose netIP is not a prefix are dropped; absent meta is the empty record.
 * A meta over its size limits (check-peer-input-bounds.ts) → InvalidArgument, so Login, Sync
 * and SyncMeta refuse it before any work; the address list is bounded before it is filtered.
 */
export function metaFromWire(m: PeerSystemMeta | undefined): PeerMeta {
  if (!m) return EMPTY_META;
  const meta = unfilteredMeta(m);
  checkPeerInputBounds({ meta });
  return { ...meta, networkAddresses: meta.networkAddresses.filter((a) => isPrefix(a.netIP)) };
}

function unfilteredMeta(m: PeerSystemMeta): PeerMeta {
  const f = m.flags;
  return {
    hostname: m.hostname,
    goOS: m.goOS,
    kernel: m.kernel,
    core: m.core,
    platform: m.platform,
    os: m.OS,
    osVersion: m.OSVersion || m.core,
    netbirdVersion: m.netbirdVersion,
    uiVersion: m.uiVersion,
    kernelVersion: m.kernelVersion,
    networkAddresses: m.networkAddresses.map((a) => ({ netIP: a.netIP, mac: a.mac })),
    sysSerialNumber: m.sysSerialNumber,
    sysProductName: m.sysProductName,
    sysManufacturer: m.sysManufacturer,
    environment: { cloud: m.environment?.cloud ?? '', platform: m.environment?.platform ?? '' },
    files: m.files.map((x) => ({ path: x.path, exist: x.exist, processIsRunning: x.processIsRunning })),
    flags: {
      rosenpassEnabled: f?.rosenpassEnabled ?? false,
      rosenpassPermissive: f?.rosenpassPermissive ?? false,
      serverSSHAllowed: f?.serverSSHAllowed ?? false,
      disableClientRoutes: f?.disableClientRoutes ?? false,
      disableServerRoutes: f?.disableServerRoutes ?? false,
      disableDNS: f?.disableDNS ?? false,
      disableFirewall: f?.disableFirewall ?? false,
      blockLANAccess: f?.blockLANAccess ?? false,
      blockInbound: f?.blockInbound ?? false,
      lazyConnectionEnabled: f?.lazyConnectionEnabled ?? false,
    },
  };
}
