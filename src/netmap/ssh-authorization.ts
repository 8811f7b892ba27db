/**
 * SSH authorisation a receiver gets from the rules it is a destination of (SEMANTICS.md §4.6):
 * whether its SSH server is enabled by policy, and which users may log in as which local user.
 * User IDs stay plain here; hashing them for SSHAuth is the wire converter's job.
 */
import type { Peer, PolicyRule } from '../domain/model.js';
import type { ActiveUsers } from './active-users.js';
import type { SshAuthorizedUsers } from './network-map.js';

const WILDCARD = '*';
const SSH_PORTS = [22, 22022];

/** Accumulates grants over the rules of one map computation. */
export interface SshGrant {
  enabled: boolean;
  readonly users: Map<string, Set<string>>;
}

export function newSshGrant(): SshGrant {
  return { enabled: false, users: new Map() };
}

/** Protocol `all`, or `tcp` with 22 or 22022 among the ports or inside a range. */
export function ruleImpliesLegacySsh(rule: Pick<PolicyRule, 'protocol' | 'ports' | 'portRanges'>): boolean {
  const protocol = rule.protocol || 'all';
  if (protocol === 'all') return true;
  if (protocol !== 'tcp') return false;
  return (
    rule.ports.some((p) => p === '22' || p === '22022') ||
    rule.portRanges.some((r) => SSH_PORTS.some((p) => r.start <= p && p <= r.end))
  );
}

function addUsers(grant: SshGrant, localUser: string, userIds: Iterable<string>): void {
  let set = grant.users.get(localUser);
  if (!set) grant.users.set(localUser, (set = new Set()));
  for (const id of userIds) set.add(id);
}

/** Applies one enabled rule of which the receiver is a destination. */
export function applyRuleSsh(grant: SshGrant, rule: PolicyRule, receiver: Pick<Peer, 'sshEnabled'>, users: ActiveUsers): void {
  if (rule.protocol === 'netbird-ssh') {
    grant.enabled = true;
    const groups = Object.entries(rule.authorizedGroups);
    if (groups.length > 0) {
      for (const [groupId, localUsers] of groups) {
        const ids = users.byGroup.get(groupId);
        if (!ids) continue;
        for (const local of localUsers.length > 0 ? localUsers : [WILDCARD]) addUsers(grant, local, ids);
      }
    } else if (rule.authorizedUser !== '') {
      addUsers(grant, WILDCARD, [rule.authorizedUser]);
    } else {
      grant.users.set(WILDCARD, new Set(users.all));
    }
  } else if (ruleImpliesLegacySsh(rule) && receiver.sshEnabled) {
    grant.enabled = true;
    grant.users.set(WILDCARD, new Set(users.all));
  }
}

/** Sorted plain-object form for the map. */
export function authorizedUsersOf(grant: SshGrant): SshAuthorizedUsers {
  const out: Record<string, readonly string[]> = {};
  for (const local of [...grant.users.keys()].sort()) out[local] = [...grant.users.get(local)!].sort();
  return out;
}
