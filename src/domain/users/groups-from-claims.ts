/**
 * The groups a token names under the account's `JWTGroupsClaimName` (IDENTITY.md §2.3, §2.5):
 * a JSON list whose string entries count; anything else (including a plain string, at the
 * reference revision) names no group.
 */
export function groupsFromClaims(claims: Readonly<Record<string, unknown>>, claimName: string): string[] {
  const v = claimName === '' ? undefined : claims[claimName];
  if (!Array.isArray(v)) return [];
  return v.filter((g): g is string => typeof g === 'string');
}
