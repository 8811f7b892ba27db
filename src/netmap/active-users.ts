import type { AccountSnapshot } from '../domain/model.js';
import { ALL_GROUP_NAME } from '../domain/model.js';

/** Users who may be authorised for SSH: neither blocked nor service users. */
export interface ActiveUsers {
  /** All of them, sorted. */
  readonly all: readonly string[];
  /** Group ID → those having it in their auto-groups; the `All` group maps to everyone. */
  readonly byGroup: ReadonlyMap<string, readonly string[]>;
}

/** Upstream `GetActiveGroupUsers` and `getAllowedUserIDs`, computed once per snapshot. */
export function buildActiveUsers(snapshot: AccountSnapshot): ActiveUsers {
  const active = snapshot.users.filter((u) => !u.blocked && !u.isServiceUser);
  const allGroup = snapshot.groups.find((g) => g.name === ALL_GROUP_NAME);
  const byGroup = new Map<string, string[]>();
  const add = (groupId: string, userId: string): void => {
    const list = byGroup.get(groupId);
    if (list) list.push(userId);
    else byGroup.set(groupId, [userId]);
  };
  for (const u of active) {
    for (const g of u.autoGroups) add(g, u.id);
    if (allGroup) add(allGroup.id, u.id);
  }
  return { all: active.map((u) => u.id).sort(), byGroup };
}
