import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';

export interface UserinfoDeps {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly publicJwks: () => Promise<JWK[]>;
  readonly claims: (sub: string) => Promise<Record<string, unknown> | undefined>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Authorization, Content-Type', 'access-control-allow-methods': 'GET, POST' };

/**
 * `<issuer>/userinfo` for the JWT access tokens the dashboard and the CLI hold (OIDC Core §5.3).
 * The library's own endpoint only serves opaque tokens not bound to an API, and ours are both,
 * as Dex's are; so the token is verified here (signature with the stored keys, issuer, one of
 * the two audiences, expiry) and the user's current claims answered.
 */
export async function serveUserinfo(deps: UserinfoDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
  const refuse = (description: string) =>
    void res
      .writeHead(401, { ...CORS, 'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`, 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify({ error: 'invalid_token', error_description: description }));
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return refuse('no access token provided');
  let sub: unknown;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: await deps.publicJwks() }), { issuer: deps.issuer, audience: [...deps.audiences] });
    sub = payload.sub;
  } catch {
    return refuse('invalid token provided');
  }
  const claims = typeof sub === 'string' ? await deps.claims(sub) : undefined;
  if (!claims) return refuse('invalid token provided');
  res.writeHead(200, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(claims));
}
