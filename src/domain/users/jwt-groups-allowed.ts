import type { AccountSettings } from '../model.js';

/**
 * The allow-list gate (IDENTITY.md §2.5, upstream's `EnsureUserAccessByJWTGroups`): with JWT
 * groups on and `jwt_allow_groups` non-empty, one of the token's groups must be in it (exact
 * match). Otherwise everyone passes.
 */
export function jwtGroupsAllowed(settings: Pick<AccountSettings, 'jwtGroupsEnabled' | 'jwtAllowGroups'>, tokenGroups: readonly string[]): boolean {
  if (!settings.jwtGroupsEnabled || settings.jwtAllowGroups.length === 0) return true;
  return tokenGroups.some((g) => settings.jwtAllowGroups.includes(g));
}
