import type { AccountSettings } from '../model.js';

/** Settings read by the network map (PeerConfig, DNS, offline split, addressing). */
const MAP_SETTINGS = [
  'networkRange',
  'dnsDomain',
  'routingPeerDnsResolutionEnabled',
  'lazyConnectionEnabled',
  'autoUpdateVersion',
  'autoUpdateAlways',
  // Login expiration decides which remote peers are offline (SEMANTICS.md §4.4); upstream
  // does not bump for it, we do.
  'peerLoginExpirationEnabled',
  'peerLoginExpiration',
] as const satisfies readonly (keyof AccountSettings)[];

/**
 * Whether a settings update can change some map (SEMANTICS.md §5.1): one of MAP_SETTINGS
 * changed, or peer approval was switched off while peers were waiting for it.
 */
export function settingsChangeAffectsMaps(old: AccountSettings, next: AccountSettings, peersAwaitingApproval: number): boolean {
  if (MAP_SETTINGS.some((k) => old[k] !== next[k])) return true;
  return old.peerApprovalEnabled && !next.peerApprovalEnabled && peersAwaitingApproval > 0;
}
