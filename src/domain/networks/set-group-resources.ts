import { invalidArgument } from '../errors.js';
import type { DomainTx } from '../transact.js';

/**
 * Makes `resourceIds` exactly the network resources of group `groupId` (a group's `resources`
 * in the API; membership is stored on each resource). Unknown IDs are refused before anything
 * is written. Returns whether any membership changed.
 */
export async function setGroupResources(tx: DomainTx, accountId: string, groupId: string, resourceIds: readonly string[]): Promise<boolean> {
  const resources = await tx.networkResources.list(accountId);
  const known = new Set(resources.map((r) => r.id));
  const missing = resourceIds.find((id) => !known.has(id));
  if (missing !== undefined) throw invalidArgument(`network resource ${missing} not found`);
  const wanted = new Set(resourceIds);
  let changed = false;
  for (const r of resources) {
    const has = r.groups.includes(groupId);
    if (has === wanted.has(r.id)) continue;
    await tx.networkResources.update({ ...r, groups: has ? r.groups.filter((g) => g !== groupId) : [...r.groups, groupId] });
    changed = true;
  }
  return changed;
}
