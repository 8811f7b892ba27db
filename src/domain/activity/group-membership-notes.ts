import type { DomainDeps } from '../domain-deps.js';
import type { Group } from '../model.js';
import type { DomainTx } from '../transact.js';
import type { InitiatorId } from './activity-event.js';
import { accountDnsDomain } from './event-meta.js';
import { groupPeerDiff } from './group-peer-diff.js';
import type { ActivityNote } from './record-activity.js';

/**
 * The events of a group update, as upstream records them: one per peer added to or removed from
 * the group (target: the peer), nothing for a rename alone.
 */
export async function groupMembershipNotes(
  tx: DomainTx,
  deps: Pick<DomainDeps, 'dnsDomain'>,
  before: Group,
  after: Group,
  by: InitiatorId,
): Promise<ActivityNote[]> {
  const { added, removed } = groupPeerDiff(before.peers, after.peers);
  if (added.length === 0 && removed.length === 0) return [];
  const [peers, account] = await Promise.all([tx.peers.list(after.accountId), tx.accounts.get(after.accountId)]);
  const byId = new Map(peers.map((p) => [p.id, p]));
  const dnsDomain = accountDnsDomain(account, deps.dnsDomain);
  const note = (activity: 'GroupAddedToPeer' | 'GroupRemovedFromPeer', peerId: string): ActivityNote => {
    const peer = byId.get(peerId);
    const fqdn = peer === undefined || dnsDomain === '' ? '' : `${peer.dnsLabel}.${dnsDomain}`;
    return { activity, initiatorId: by, targetId: peerId, meta: { group: after.name, group_id: after.id, peer_fqdn: fqdn, peer_ip: peer?.ip ?? '' } };
  };
  return [...added.map((id) => note('GroupAddedToPeer', id)), ...removed.map((id) => note('GroupRemovedFromPeer', id))];
}
