import type { Peer } from '../model.js';
import type { InitiatorId } from './activity-event.js';
import { peerEventMeta } from './event-meta.js';
import type { ActivityNote } from './record-activity.js';

/**
 * The events of an admin peer update, in upstream's order, each with the updated peer's meta.
 * Upstream names the peer by its overlay IP (not its ID) as the target of the toggle events;
 * a rename and an IP change name the peer's ID.
 */
export function peerUpdateNotes(before: Peer, after: Peer, dnsDomain: string, by: InitiatorId): ActivityNote[] {
  const meta = peerEventMeta(after, dnsDomain);
  const notes: ActivityNote[] = [];
  const byIp = (activity: ActivityNote['activity']): ActivityNote => ({ activity, initiatorId: by, targetId: after.ip, meta });
  if (after.sshEnabled !== before.sshEnabled) notes.push(byIp(after.sshEnabled ? 'PeerSSHEnabled' : 'PeerSSHDisabled'));
  if (after.name !== before.name) notes.push({ activity: 'PeerRenamed', initiatorId: by, targetId: after.id, meta });
  if (after.loginExpirationEnabled !== before.loginExpirationEnabled) {
    notes.push(byIp(after.loginExpirationEnabled ? 'PeerLoginExpirationEnabled' : 'PeerLoginExpirationDisabled'));
  }
  if (after.inactivityExpirationEnabled !== before.inactivityExpirationEnabled) {
    notes.push(byIp(after.inactivityExpirationEnabled ? 'PeerInactivityExpirationEnabled' : 'PeerInactivityExpirationDisabled'));
  }
  if (after.ip !== before.ip) notes.push({ activity: 'PeerIPUpdated', initiatorId: by, targetId: after.id, meta: { ...meta, old_ip: before.ip } });
  return notes;
}
