import type { Group, User } from '../model.js';

export interface JwtGroupChanges {
  /** False when the token's groups already match the user's JWT groups: nothing to write. */
  readonly changed: boolean;
  /** The user's auto-groups afterwards: their other groups first, then the JWT ones. */
  readonly autoGroups: readonly string[];
  /** Groups to create (`issued: jwt`, no peers) before the user refers to them. */
  readonly create: readonly Group[];
  /** Group IDs the user gains and loses. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const UNCHANGED = (autoGroups: readonly string[]): JwtGroupChanges => ({ changed: false, autoGroups, create: [], added: [], removed: [] });

/**
 * The JWT group sync (IDENTITY.md §2.5, upstream's `getJWTGroupsChanges`). The user's
 * auto-groups split into JWT-issued ones (by name) and the rest; token names the user lacks
 * reuse the account's group of that name — attached only if it is JWT-issued, so a same-named
 * API group is left alone — or become a new JWT group; JWT groups the token no longer names are
 * dropped (the groups themselves stay). Auto-groups naming no existing group are dropped with
 * any change, as upstream. Where names repeat, a JWT-issued group is the one reused.
 */
export function jwtGroupChanges(input: { user: Pick<User, 'accountId' | 'autoGroups'>; groups: readonly Group[]; tokenGroups: readonly string[]; newId: () => string }): JwtGroupChanges {
  const { user, groups } = input;
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byName = new Map<string, Group>();
  for (const g of groups) if (!byName.has(g.name) || g.issued === 'jwt') byName.set(g.name, g);
  const others: string[] = [];
  const jwtByName = new Map<string, string>();
  for (const id of user.autoGroups) {
    const g = byId.get(id);
    if (g === undefined) continue;
    if (g.issued === 'jwt') jwtByName.set(g.name, id);
    else others.push(id);
  }
  const wanted = new Set(input.tokenGroups);
  const toAdd = [...wanted].filter((n) => !jwtByName.has(n));
  const toRemove = [...jwtByName.keys()].filter((n) => !wanted.has(n));
  if (toAdd.length === 0 && toRemove.length === 0) return UNCHANGED(user.autoGroups);

  const create: Group[] = [];
  const attached: string[] = [];
  for (const name of toAdd) {
    let g = byName.get(name);
    if (g === undefined) {
      g = { id: input.newId(), accountId: user.accountId, name, issued: 'jwt', peers: [] };
      create.push(g);
    }
    if (g.issued === 'jwt') attached.push(g.id);
  }
  const kept = [...jwtByName].filter(([name]) => wanted.has(name)).map(([, id]) => id);
  if (attached.length === 0 && kept.length === jwtByName.size) return UNCHANGED(user.autoGroups);
  const autoGroups = [...others, ...kept, ...attached];
  const before = new Set(user.autoGroups);
  const after = new Set(autoGroups);
  return {
    changed: true,
    autoGroups,
    create,
    added: autoGroups.filter((id) => !before.has(id)),
    removed: user.autoGroups.filter((id) => !after.has(id)),
  };
}
