/**
 * The `aud` decision (IDENTITY.md §2.2): the claim (a string or a list of strings) must hold
 * at least one value equal to an accepted audience. Empty strings never match on either side,
 * so an unset `AuthAudience` accepts nothing.
 */
export type AudienceVerdict = 'accepted' | 'missing' | 'invalid-type' | 'not-accepted';

export function audienceAccepted(aud: unknown, accepted: readonly string[]): AudienceVerdict {
  const values = typeof aud === 'string' ? [aud] : aud;
  if (values === undefined || values === null) return 'missing';
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return 'invalid-type';
  const given = (values as string[]).filter((v) => v !== '');
  if (given.length === 0) return 'missing';
  return given.some((v) => accepted.includes(v)) ? 'accepted' : 'not-accepted';
}
