import type { PeerFlags, PeerMeta } from './model.js';

export const EMPTY_FLAGS: PeerFlags = Object.freeze({
  rosenpassEnabled: false,
  rosenpassPermissive: false,
  serverSSHAllowed: false,
  disableClientRoutes: false,
  disableServerRoutes: false,
  disableDNS: false,
  disableFirewall: false,
  blockLANAccess: false,
  blockInbound: false,
  lazyConnectionEnabled: false,
});

/** What an old client's empty SyncRequest decodes to. */
export const EMPTY_META: PeerMeta = Object.freeze({
  hostname: '',
  goOS: '',
  kernel: '',
  core: '',
  platform: '',
  os: '',
  osVersion: '',
  netbirdVersion: '',
  uiVersion: '',
  kernelVersion: '',
  networkAddresses: [],
  sysSerialNumber: '',
  sysProductName: '',
  sysManufacturer: '',
  environment: { cloud: '', platform: '' },
  files: [],
  flags: EMPTY_FLAGS,
});

/** Builds a meta from a partial one (tests, fixtures, converters). */
export function makePeerMeta(partial: Partial<PeerMeta> = {}): PeerMeta {
  return { ...EMPTY_META, ...partial, flags: { ...EMPTY_FLAGS, ...(partial.flags ?? {}) } };
}
