import type { AccountSettings } from '../model.js';
import type { InitiatorId } from './activity-event.js';
import type { ActivityName } from './activity-codes.js';
import type { ActivityNote } from './record-activity.js';

type Toggle = readonly [key: keyof AccountSettings, on: ActivityName, off: ActivityName];
type Changed = readonly [key: keyof AccountSettings, activity: ActivityName, meta?: (o: AccountSettings, n: AccountSettings) => Record<string, unknown>];

/** In upstream's order: each toggle records its enable/disable event, each value its update. */
const STEPS: readonly (Toggle | Changed)[] = [
  ['peerLoginExpirationEnabled', 'AccountPeerLoginExpirationEnabled', 'AccountPeerLoginExpirationDisabled'],
  ['peerLoginExpiration', 'AccountPeerLoginExpirationDurationUpdated'],
  ['peerApprovalEnabled', 'AccountPeerApprovalEnabled', 'AccountPeerApprovalDisabled'],
  ['peerInactivityExpirationEnabled', 'AccountPeerInactivityExpirationEnabled', 'AccountPeerInactivityExpirationDisabled'],
  ['peerInactivityExpiration', 'AccountPeerInactivityExpirationDurationUpdated'],
  ['groupsPropagationEnabled', 'UserGroupPropagationEnabled', 'UserGroupPropagationDisabled'],
  ['routingPeerDnsResolutionEnabled', 'AccountRoutingPeerDNSResolutionEnabled', 'AccountRoutingPeerDNSResolutionDisabled'],
  ['lazyConnectionEnabled', 'AccountLazyConnectionEnabled', 'AccountLazyConnectionDisabled'],
  ['dnsDomain', 'AccountDNSDomainUpdated', (o, n) => ({ old_dns_domain: o.dnsDomain, new_dns_domain: n.dnsDomain })],
  ['networkRange', 'AccountNetworkRangeUpdated', (o, n) => ({ old_network_range: o.networkRange, new_network_range: n.networkRange })],
  ['autoUpdateVersion', 'AccountAutoUpdateVersionUpdated', (_o, n) => ({ version: n.autoUpdateVersion })],
];

const isToggle = (s: Toggle | Changed): s is Toggle => typeof s[2] === 'string';

/** The audit events of an account settings change (target: the account). */
export function settingsChangeNotes(accountId: string, before: AccountSettings, after: AccountSettings, by: InitiatorId): ActivityNote[] {
  const notes: ActivityNote[] = [];
  for (const step of STEPS) {
    const key = step[0];
    if (before[key] === after[key]) continue;
    if (isToggle(step)) notes.push({ activity: after[key] === true ? step[1] : step[2], initiatorId: by, targetId: accountId });
    else notes.push({ activity: step[1], initiatorId: by, targetId: accountId, meta: step[2]?.(before, after) ?? {} });
  }
  return notes;
}
