import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { OidcBrowser } from './oidc-browser.js';
import { OidcCliClient, type CliFlowSettings, type OidcTokenSet } from './oidc-cli-client.js';
import { OidcLoopbackListener } from './oidc-loopback-listener.js';
import { OidcMemoryAdapter } from './oidc-memory-adapter.js';
// Loaded lazily: importing it prints an "Unsupported runtime" warning on Node 20 (it works).
type ProviderModule = typeof import('oidc-provider');

/** A person the provider knows; `sub` is also what they type as their login. */
export interface OidcTestUser {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface OidcTestProviderOptions {
  /** The API audience access tokens are issued for (upstream's `AuthAudience`). */
  readonly audience?: string;
  /** Other APIs the provider also issues tokens for (a client may ask for them with `audience`). */
  readonly otherAudiences?: readonly string[];
  /** The public client the netbird CLI uses. */
  readonly clientId?: string;
  /** Registered loopback redirect URIs; any port is accepted on them (native client, RFC 8252 §7.3). */
  readonly redirectUris?: readonly string[];
  readonly users?: readonly OidcTestUser[];
  /** Private signing keys to start with (share them to make a second issuer with the same keys). */
  readonly signingKeys?: readonly JWK[];
  /** Algorithm of generated keys: RS256, PS256 or ES256. */
  readonly alg?: 'RS256' | 'PS256' | 'ES256';
  readonly accessTokenTtlSeconds?: number;
}

export const NETBIRD_CLI_REDIRECT_URIS = ['http://localhost:53000/', 'http://localhost:54000/'] as const;
const DEFAULT_SCOPE = 'openid profile email groups';
/** devInteractions accept any password; a person still types one. */
const PASSWORD = 'correct horse battery staple';

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1, configured like a company IdP: discovery,
 * JWKS, device authorization grant, authorization code + PKCE (S256) for a public native client
 * with loopback redirects, and JWT access tokens for one API audience (resource indicators; the
 * `audience` parameter the netbird client sends picks it) carrying `sub`, `email`, `name` and
 * `groups` from a user table the test controls. Sign-in goes through the provider's own pages
 * (devInteractions), driven by {@link OidcBrowser}.
 *
 * Key rotation: oidc-provider builds its keystore once, at construction, so {@link rotateKey} and
 * {@link dropKey} build a new Provider with the new JWKS behind the same listener (same port,
 * issuer, cookie keys and storage: sessions, grants and pending codes survive).
 */
export class OidcTestProvider {
  readonly users = new Map<string, OidcTestUser>();
  /** TTL of access and ID tokens issued from now on. */
  accessTokenTtlSeconds: number;
  readonly audience: string;
  readonly otherAudiences: readonly string[];
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  private handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  private readonly adapter = new OidcMemoryAdapter();
  private readonly cookieKeys = [randomBytes(32).toString('base64url')];

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly lib: ProviderModule,
    private keys: JWK[],
    private readonly alg: string,
    opts: OidcTestProviderOptions,
  ) {
    this.audience = opts.audience ?? 'https://api.roost.test/';
    this.otherAudiences = opts.otherAudiences ?? ['https://other-api.roost.test/'];
    this.clientId = opts.clientId ?? 'netbird-cli';
    this.redirectUris = opts.redirectUris ?? NETBIRD_CLI_REDIRECT_URIS;
    this.accessTokenTtlSeconds = opts.accessTokenTtlSeconds ?? 300;
    for (const u of opts.users ?? []) this.users.set(u.sub, u);
  }

  static async start(opts: OidcTestProviderOptions = {}): Promise<OidcTestProvider> {
    const lib = await import('oidc-provider');
    let provider: OidcTestProvider | undefined;
    const server = createServer((req, res) => {
      if (provider?.handler) provider.handler(req, res);
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const alg = opts.alg ?? 'RS256';
    const keys = opts.signingKeys ? [...opts.signingKeys] : [await generateSigningKey(alg)];
    provider = new OidcTestProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lib, keys, alg, opts);
    provider.build();
    return provider;
  }

  get discoveryUrl(): string {
    return `${this.issuer}/.well-known/openid-configuration`;
  }
  /** Where a person types a device's user code (RFC 8628 `verification_uri`). */
  get verificationUri(): string {
    return `${this.issuer}/device`;
  }
  /** The private keys, signing key first (for a second provider sharing them). */
  get signingKeys(): readonly JWK[] {
    return this.keys;
  }
  get signingKid(): string {
    return this.keys[0]!.kid!;
  }

  /** Adds a signing key that signs from now on; the previous keys stay published. Returns its `kid`. */
  async rotateKey(): Promise<string> {
    const key = await generateSigningKey(this.alg);
    this.keys = [key, ...this.keys];
    this.build();
    return key.kid!;
  }

  /** Stops publishing (and signing with) `kid`. */
  dropKey(kid: string): void {
    const rest = this.keys.filter((k) => k.kid !== kid);
    if (rest.length === this.keys.length) throw new Error(`no key ${kid}`);
    if (rest.length === 0) throw new Error('the provider needs one signing key');
    this.keys = rest;
    this.build();
  }

  /** The flow settings a netbird client would get for this provider (after Roost's discovery). */
  flowSettings(over: Partial<CliFlowSettings> = {}): CliFlowSettings {
    return {
      clientId: this.clientId,
      audience: this.audience,
      scope: DEFAULT_SCOPE,
      tokenEndpoint: `${this.issuer}/token`,
      deviceAuthEndpoint: `${this.issuer}/device/auth`,
      authorizationEndpoint: `${this.issuer}/auth`,
      ...over,
    };
  }

  /** A person approves `userCode`: verification page → code → confirm → login → consent. */
  async approveDeviceCode(userCode: string, user: string | OidcTestUser): Promise<void> {
    const page = await new OidcBrowser().browse(this.verificationUri, { user_code: userCode, login: this.known(user), password: PASSWORD });
    if (!/Sign-in Success/.test(page.text)) throw new Error(`device approval did not succeed: ${page.text.slice(0, 300)}`);
  }

  /**
   * A person signs in at `authorizationUrl` (login → consent) and the browser follows the
   * redirect to the loopback URI, where `listener` (or one opened on the URL's `redirect_uri`)
   * catches it. Returns the authorization code.
   */
  async authorizeWithPkce(authorizationUrl: string, user: string | OidcTestUser, listener?: OidcLoopbackListener): Promise<string> {
    const login = this.known(user);
    const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri');
    if (!redirectUri) throw new Error('the authorization URL has no redirect_uri');
    const loopback = listener ?? (await OidcLoopbackListener.listen(redirectUri));
    try {
      const page = await new OidcBrowser().browse(authorizationUrl, { login, password: PASSWORD });
      if (!page.url.startsWith(loopback.redirectUri.replace(/\/$/, ''))) throw new Error(`sign-in ended at ${page.url}: ${page.text.slice(0, 300)}`);
      const query = await loopback.received();
      const error = query.get('error');
      if (error) throw new Error(`authorization refused: ${error} ${query.get('error_description') ?? ''}`);
      const code = query.get('code');
      if (!code) throw new Error(`the redirect carried no code: ${query.toString()}`);
      return code;
    } finally {
      if (!listener) await loopback.close();
    }
  }

  /** The whole device flow as the netbird client runs it, with `user` approving meanwhile. */
  async deviceFlowToken(user: string | OidcTestUser, over: Partial<CliFlowSettings> = {}): Promise<OidcTokenSet> {
    const cli = new OidcCliClient(this.flowSettings(over));
    const auth = await cli.requestDeviceCode();
    const [tokens] = await Promise.all([cli.pollDeviceToken(auth.device_code), this.approveDeviceCode(auth.user_code, user)]);
    return tokens;
  }

  /**
   * The whole PKCE flow as the netbird client runs it: listen on a registered loopback URI (on a
   * free port, so parallel tests do not fight over 53000), sign in, exchange the code.
   */
  async pkceToken(user: string | OidcTestUser, over: Partial<CliFlowSettings> = {}): Promise<OidcTokenSet> {
    const cli = new OidcCliClient(this.flowSettings(over));
    const registered = new URL(this.redirectUris[0] ?? NETBIRD_CLI_REDIRECT_URIS[0]);
    registered.port = '0';
    const listener = await OidcLoopbackListener.listen(registered.href);
    try {
      const request = cli.pkceRequest(listener.redirectUri);
      const code = await this.authorizeWithPkce(request.url, user, listener);
      return await cli.exchangeCode(request, code);
    } finally {
      await listener.close();
    }
  }

  stop(): Promise<void> {
    this.handler = undefined;
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private known(user: string | OidcTestUser): string {
    const sub = typeof user === 'string' ? user : user.sub;
    if (!this.users.has(sub)) throw new Error(`the provider has no user "${sub}"; add it to users first`);
    return sub;
  }

  /** A Provider for the current keys, behind the listener. */
  private build(): void {
    const provider = new this.lib.Provider(this.issuer, this.configuration());
    provider.on('server_error', (_ctx: unknown, err: unknown) => console.error('oidc test provider server_error', err));
    this.handler = provider.callback();
  }

  private configuration(): Record<string, unknown> {
    const audiences = [this.audience, ...this.otherAudiences];
    const user = (sub: unknown) => (typeof sub === 'string' ? this.users.get(sub) : undefined);
    return {
      adapter: this.adapter.factory(),
      jwks: { keys: this.keys },
      cookies: { keys: this.cookieKeys },
      clients: [
        {
          client_id: this.clientId,
          application_type: 'native',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
          response_types: ['code'],
          redirect_uris: [...this.redirectUris],
          id_token_signed_response_alg: this.alg,
        },
      ],
      scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      // ID tokens carry the scoped claims too, so `UseIDToken` flows see email and groups.
      conformIdTokenClaims: false,
      extraParams: ['audience'],
      async findAccount(_ctx: unknown, sub: string) {
        const u = user(sub);
        if (!u) return undefined;
        return { accountId: u.sub, claims: () => ({ sub: u.sub, email: u.email, email_verified: true, name: u.name, groups: [...u.groups] }) };
      },
      // Company IdPs put who the caller is into the API's access token as well.
      async extraTokenClaims(_ctx: unknown, token: { kind: string; accountId?: string }) {
        const u = token.kind === 'AccessToken' ? user(token.accountId) : undefined;
        return u ? { email: u.email, name: u.name, groups: [...u.groups] } : undefined;
      },
      responseTypes: ['code'],
      ttl: {
        AccessToken: () => this.accessTokenTtlSeconds,
        IdToken: () => this.accessTokenTtlSeconds,
        DeviceCode: 600,
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        RefreshToken: 3600,
        AuthorizationCode: 60,
      },
      features: {
        devInteractions: { enabled: true },
        deviceFlow: { enabled: true },
        revocation: { enabled: true },
        resourceIndicators: {
          enabled: true,
          // The netbird client names the API with `audience` (Auth0 style) rather than `resource`.
          defaultResource: (ctx: { oidc: { params?: { audience?: unknown } } }, _client: unknown, oneOf?: string[]) =>
            oneOf ? (oneOf.length === 1 ? oneOf[0] : oneOf) : typeof ctx.oidc.params?.audience === 'string' ? ctx.oidc.params.audience : this.audience,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, indicator: string) => {
            if (!audiences.includes(indicator)) throw new this.lib.errors.InvalidTarget(`unknown API ${indicator}`);
            return { scope: 'api', audience: indicator, accessTokenTTL: this.accessTokenTtlSeconds, accessTokenFormat: 'jwt', jwt: { sign: { alg: this.alg } } };
          },
        },
      },
    };
  }
}

async function generateSigningKey(alg: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `${alg.toLowerCase()}-${randomBytes(6).toString('hex')}`, alg, use: 'sig' };
}
