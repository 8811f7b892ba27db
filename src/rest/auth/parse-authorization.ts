/**
 * What an `Authorization` header asks for, read as upstream's middleware reads it (IDENTITY.md
 * §3.1): a personal access token (`Token <pat>`, or `Bearer nbp_…`), a JWT (`Bearer <jwt>`),
 * or nothing usable. `credential` is undefined when the scheme is right but the header is not
 * exactly "<scheme> <credential>" — a 401 `token invalid`, where no scheme at all is 401
 * `no valid authentication provided`.
 */
export type Authorization =
  | { readonly kind: 'pat'; readonly credential: string | undefined }
  | { readonly kind: 'jwt'; readonly credential: string | undefined }
  | { readonly kind: 'none' };

const PAT_PREFIX = 'nbp_';

/** Split on single spaces, as Go's `strings.Split(h, " ")`: doubled or leading spaces make empty parts. */
export function parseAuthorization(header: string | undefined): Authorization {
  const parts = (header ?? '').split(' ');
  const scheme = parts[0]!.toLowerCase();
  const second = parts[1];
  // Tools that only speak `Bearer` may send a PAT with it.
  const kind = scheme === 'token' || (scheme === 'bearer' && second?.startsWith(PAT_PREFIX) === true) ? 'pat' : scheme === 'bearer' ? 'jwt' : undefined;
  if (kind === undefined) return { kind: 'none' };
  return { kind, credential: parts.length === 2 && second !== '' ? second : undefined };
}
