import type { JWK } from 'jose';
import { EMBEDDED_CLI_CLIENT, EMBEDDED_DASHBOARD_CLIENT, type EmbeddedIdpSettings } from '../config/config.js';
import { deviceCodeConfirmPage, deviceCodeInputPage } from './views/device-code-pages.js';
import { messagePage } from './views/message-page.js';
import { signOutPage } from './views/sign-out-page.js';

type ProviderModule = typeof import('oidc-provider');
/** The slice of oidc-provider's context the hooks below read (the library's own types are loose). */
type Ctx = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The two APIs tokens are issued for: what the dashboard and the CLI ask for with `audience`. */
export const AUDIENCES: readonly string[] = [EMBEDDED_DASHBOARD_CLIENT, EMBEDDED_CLI_CLIENT];
/**
 * The library wants resource indicators to be absolute URIs (RFC 8707); upstream's audiences are
 * bare names. Each audience gets a URN as its indicator; the token's `aud` stays the bare name.
 */
const indicatorOf = (audience: string) => `urn:netbird:audience:${audience}`;
const audienceOf = (indicator: string) => AUDIENCES.find((a) => indicatorOf(a) === indicator);
const SCOPES = ['openid', 'offline_access', 'profile', 'email', 'groups'];
/** Upstream's Dex endpoints under the issuer (IDENTITY.md §1.5), so clients configured for it work. */
const ROUTES = { authorization: '/auth', token: '/token', jwks: '/keys', device_authorization: '/device/code', code_verification: '/device', userinfo: '/userinfo', end_session: '/session/end' };

export interface ProviderParts {
  readonly lib: ProviderModule;
  readonly settings: EmbeddedIdpSettings;
  readonly keys: readonly JWK[];
  readonly cookieKeys: readonly string[];
  /** An oidc-provider Adapter class (store-backed). */
  readonly adapter: unknown;
  /** The claims of a local user, undefined when unknown (deleted). */
  readonly claims: (sub: string) => Promise<Record<string, unknown> | undefined>;
}

/** The two public clients of upstream's embedded Dex, with its redirect URIs. */
export function embeddedClients(settings: EmbeddedIdpSettings): Record<string, unknown>[] {
  const base = settings.issuer.replace(/\/oauth2$/, '');
  return [
    {
      client_id: EMBEDDED_DASHBOARD_CLIENT,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...new Set([...settings.dashboardRedirectUris, `${base}/api/reverse-proxy/callback`])],
      post_logout_redirect_uris: settings.dashboardRedirectUris.map((u) => new URL(u).origin + '/'),
    },
    {
      client_id: EMBEDDED_CLI_CLIENT,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
      // Dex's own `<issuer>/device/callback` is internal to Dex's device flow; Roost's needs none.
      redirect_uris: [...settings.cliRedirectUris],
    },
  ];
}

/**
 * oidc-provider's configuration for the embedded IdP: authorization code + PKCE, device flow and
 * refresh tokens for the two first-party clients, JWT access tokens whose `aud` is the API the
 * client named (`audience`, else its own id), no consent screen (a grant is made on the spot, as
 * Dex skips approval), our pages for the device flow and errors, CORS open as Dex's.
 */
export function providerConfiguration(p: ProviderParts): Record<string, unknown> {
  const { lib } = p;
  const mount = new URL(p.settings.issuer).pathname;
  return {
    adapter: p.adapter,
    jwks: { keys: p.keys },
    cookies: { keys: [...p.cookieKeys] },
    clients: embeddedClients(p.settings),
    routes: ROUTES,
    scopes: SCOPES,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    conformIdTokenClaims: false,
    extraParams: ['audience'],
    responseTypes: ['code'],
    clientBasedCORS: () => true,
    async findAccount(_ctx: Ctx, sub: string) {
      const claims = await p.claims(sub);
      return claims && { accountId: sub, claims: () => claims };
    },
    // Roost provisions the NetBird user from the access token (IDENTITY.md §2.3): name and e-mail ride along.
    async extraTokenClaims(_ctx: Ctx, token: { kind: string; accountId?: string }) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const c = await p.claims(token.accountId);
      return c && { email: c.email, name: c.name };
    },
    interactions: { url: (_ctx: Ctx, interaction: { uid: string }) => `${mount}/interaction/${interaction.uid}` },
    // Consent-free: both clients are the operator's own (Dex's "skip approval screen").
    async loadExistingGrant(ctx: Ctx) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      grant ??= new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(SCOPES.join(' '));
      for (const aud of AUDIENCES) grant.addResourceScope(indicatorOf(aud), 'api');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx: Ctx, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    async renderError(ctx: Ctx, out: { error?: string; error_description?: string }) {
      ctx.type = 'html';
      ctx.body = messagePage('Sign-in failed', [out.error_description ?? out.error ?? 'Something went wrong.', 'Start again from your application.']);
    },
    ttl: {
      AccessToken: 3600,
      IdToken: 24 * 3600,
      AuthorizationCode: 60,
      DeviceCode: 600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 30 * 24 * 3600,
      RefreshToken: 30 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: Ctx, form: string) {
          ctx.body = signOutPage(formTarget(form));
        },
        async postLogoutSuccessSource(ctx: Ctx) {
          ctx.body = messagePage('Signed out', ['You are signed out. You can close this window.']);
        },
      },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        async userCodeInputSource(ctx: Ctx, form: string, _out: unknown, err?: { name?: string; userCode?: unknown }) {
          const error = !err ? undefined : err.userCode || err.name === 'NoCodeError' ? 'That code is not valid or has expired. Try again.' : err.name === 'AbortedError' ? 'The sign-in was cancelled.' : 'Something went wrong. Try again.';
          // `verification_uri_complete` carries the code: the field comes filled in.
          const userCode = /<input\s+value="([^"]*)"[^>]*name="user_code"/.exec(form)?.[1];
          ctx.body = deviceCodeInputPage({ ...formTarget(form), userCode: userCode && decodeEntities(userCode), error });
        },
        async userCodeConfirmSource(ctx: Ctx, form: string, client: { clientId: string }, _info: unknown, userCode: string) {
          ctx.body = deviceCodeConfirmPage({ ...formTarget(form), userCode, client: client.clientId === EMBEDDED_CLI_CLIENT ? 'The NetBird client' : client.clientId });
        },
        async successSource(ctx: Ctx) {
          ctx.body = messagePage('Device connected', ['Your device is signed in. You can close this window.']);
        },
      },
      resourceIndicators: {
        enabled: true,
        // The dashboard and the CLI name the API with `audience` (Auth0 style) rather than `resource`.
        defaultResource: (ctx: Ctx, client: { clientId: string }, oneOf?: string[]) => {
          if (oneOf) return oneOf.length === 1 ? oneOf[0] : oneOf;
          const aud = ctx.oidc.params?.audience;
          return indicatorOf(typeof aud === 'string' && AUDIENCES.includes(aud) ? aud : client.clientId);
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: Ctx, indicator: string) => {
          const audience = audienceOf(indicator);
          if (!audience) throw new lib.errors.InvalidTarget(`unknown resource ${indicator}`);
          return { scope: 'api', audience, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  };
}

/** The library escapes what it echoes; our page escapes again, so undo the first. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);
}

/** The action and xsrf token of the library's device form (our page renders its own form). */
function formTarget(form: string): { action: string; xsrf: string } {
  return { action: /action="([^"]*)"/.exec(form)?.[1] ?? '', xsrf: /name="xsrf" value="([^"]*)"/.exec(form)?.[1] ?? '' };
}
