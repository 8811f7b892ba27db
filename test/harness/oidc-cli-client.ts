import { createHash, randomBytes } from 'node:crypto';

/** What a token endpoint answers (RFC 6749 §5.1). */
export interface OidcTokenSet {
  readonly access_token: string;
  readonly id_token?: string;
  readonly refresh_token?: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope?: string;
}

/** What a device authorization endpoint answers (RFC 8628 §3.2). */
export interface DeviceAuthorization {
  readonly device_code: string;
  readonly user_code: string;
  readonly verification_uri: string;
  readonly verification_uri_complete?: string;
  readonly expires_in: number;
  readonly interval?: number;
}

/** The flow settings a netbird client gets from `GetDeviceAuthorizationFlow` / `GetPKCEAuthorizationFlow`. */
export interface CliFlowSettings {
  readonly clientId: string;
  readonly audience: string;
  readonly scope: string;
  readonly tokenEndpoint: string;
  readonly deviceAuthEndpoint?: string;
  readonly authorizationEndpoint?: string;
}

/** A PKCE authorization request ready for the browser, with what the exchange will need. */
export interface PkceRequest {
  readonly url: string;
  readonly state: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

/** A token endpoint refusal (`error` as RFC 6749 §5.2 names it). */
export class OidcTokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(`token endpoint refused: ${error}${description ? ` (${description})` : ''}`);
  }
}

/**
 * The client side of the SSO flows as the netbird CLI performs them (PROTOCOL.md §7.9): a
 * public client (no secret) that adds `audience`; device flow = POST the device endpoint, then
 * poll the token endpoint while the person approves; PKCE = S256 challenge, a loopback
 * redirect, `prompt=login` (LoginFlag 0), then the code exchange.
 */
export class OidcCliClient {
  constructor(private readonly flow: CliFlowSettings) {}

  async requestDeviceCode(): Promise<DeviceAuthorization> {
    const endpoint = required(this.flow.deviceAuthEndpoint, 'deviceAuthEndpoint');
    const res = await postForm(endpoint, { client_id: this.flow.clientId, audience: this.flow.audience, scope: this.flow.scope || 'openid' });
    if (!res.ok) throw await tokenError(res);
    return (await res.json()) as DeviceAuthorization;
  }

  /**
   * Polls until the person has approved (or denied) the code. The provider's `interval` is
   * replaced by `intervalMs` so tests stay fast; `slow_down` adds to it as RFC 8628 says.
   */
  async pollDeviceToken(deviceCode: string, opts: { intervalMs?: number; timeoutMs?: number } = {}): Promise<OidcTokenSet> {
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    let interval = opts.intervalMs ?? 20;
    for (;;) {
      const res = await postForm(this.flow.tokenEndpoint, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode, client_id: this.flow.clientId });
      if (res.ok) return (await res.json()) as OidcTokenSet;
      const err = await tokenError(res);
      if (err.error === 'slow_down') interval += 5;
      else if (err.error !== 'authorization_pending') throw err;
      if (Date.now() > deadline) throw new Error(`device code not approved within ${opts.timeoutMs ?? 10_000} ms`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  pkceRequest(redirectUri: string, extra: Readonly<Record<string, string>> = { prompt: 'login' }): PkceRequest {
    const codeVerifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const url = new URL(required(this.flow.authorizationEndpoint, 'authorizationEndpoint'));
    const params = {
      response_type: 'code',
      client_id: this.flow.clientId,
      redirect_uri: redirectUri,
      scope: this.flow.scope,
      state,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      audience: this.flow.audience,
      ...extra,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return { url: url.href, state, codeVerifier, redirectUri };
  }

  async exchangeCode(request: PkceRequest, code: string): Promise<OidcTokenSet> {
    const res = await postForm(this.flow.tokenEndpoint, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: request.redirectUri,
      client_id: this.flow.clientId,
      code_verifier: request.codeVerifier,
    });
    if (!res.ok) throw await tokenError(res);
    return (await res.json()) as OidcTokenSet;
  }

  async refresh(refreshToken: string): Promise<OidcTokenSet> {
    const res = await postForm(this.flow.tokenEndpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.flow.clientId });
    if (!res.ok) throw await tokenError(res);
    return (await res.json()) as OidcTokenSet;
  }
}

function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
}

async function tokenError(res: Response): Promise<OidcTokenError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: string; error_description?: string };
    return new OidcTokenError(body.error ?? 'unknown', body.error_description ?? '', res.status);
  } catch {
    return new OidcTokenError('unknown', text.slice(0, 200), res.status);
  }
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`the flow settings have no ${name}`);
  return value;
}
