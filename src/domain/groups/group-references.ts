import type { Account, NameServerGroup, NetworkRouter, Policy, Route, SetupKey, User } from '../model.js';

/** Everything in an account that may name a group. */
export interface GroupReferrers {
  readonly policies: readonly Policy[];
  readonly routes: readonly Route[];
  readonly nameServerGroups: readonly NameServerGroup[];
  readonly setupKeys: readonly SetupKey[];
  readonly users: readonly User[];
  readonly dnsSettings: Account['dnsSettings'];
  /** Network routers naming the group as peer group (upstream refuses those deletes too). */
  readonly networkRouters?: readonly NetworkRouter[];
}

/**
 * What still refers to the group, as `kind name` strings (empty: safe to delete). SEMANTICS.md
 * §1.5: policies (rule sources, destinations, SSH authorised groups), routes (distribution,
 * routing-peer and access-control groups), NS groups, setup keys, user auto-groups, and the
 * DNS disabled-management list.
 */
export function findGroupReferences(groupId: string, r: GroupReferrers): string[] {
  const refs: string[] = [];
  for (const p of r.policies) {
    const used = p.rules.some((x) => x.sources.includes(groupId) || x.destinations.includes(groupId) || groupId in x.authorizedGroups);
    if (used) refs.push(`policy ${p.name}`);
  }
  for (const x of r.routes) {
    if ([...x.groups, ...x.peerGroups, ...x.accessControlGroups].includes(groupId)) refs.push(`route ${x.netId}`);
  }
  for (const x of r.nameServerGroups) if (x.groups.includes(groupId)) refs.push(`nameserver group ${x.name}`);
  for (const x of r.setupKeys) if (x.autoGroups.includes(groupId)) refs.push(`setup key ${x.name}`);
  for (const x of r.users) if (x.autoGroups.includes(groupId)) refs.push(`user ${x.name || x.id}`);
  for (const x of r.networkRouters ?? []) if (x.peerGroups.includes(groupId)) refs.push(`network router ${x.id}`);
  if (r.dnsSettings.disabledManagementGroups.includes(groupId)) refs.push('DNS settings');
  return refs;
}
