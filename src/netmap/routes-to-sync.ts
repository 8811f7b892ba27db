/**
 * Routes a receiver gets (SEMANTICS.md §4.7, upstream `GetRoutesToSync`): the enabled routes it
 * serves itself, plus the enabled routes served by each non-expired ACL peer whose distribution
 * groups include one of the receiver's groups — except HA groups the receiver itself belongs to.
 */
import type { AccountIndex } from './account-index.js';
import type { NetworkMapRoute } from './network-map.js';
import type { ServedRoute } from './served-routes.js';

/** Distribution groups intersect the receiver's groups. */
export function isDistributedTo(route: ServedRoute, receiverGroups: ReadonlySet<string>): boolean {
  return route.route.groups.some((g) => receiverGroups.has(g));
}

/**
 * @param reachable indexes of the non-expired ACL peers of the receiver
 * @returns routes sorted by ID, then routing peer key
 */
export function routesToSync(index: AccountIndex, receiverIndex: number, reachable: Iterable<number>): NetworkMapRoute[] {
  const served = index.servedRoutes();
  const own = served[receiverIndex]!;
  const groups = index.groupsOf[receiverIndex]!;
  const out: NetworkMapRoute[] = own.enabled.map((r) => r.out!);
  for (const i of reachable) {
    for (const r of served[i]!.enabled) {
      if (isDistributedTo(r, groups) && !own.haIds.has(r.haId)) out.push(r.out!);
    }
  }
  return out.sort((a, b) => (a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.peer < b.peer ? -1 : a.peer > b.peer ? 1 : 0));
}
