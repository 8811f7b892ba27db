import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** A signing key of the test provider, published in its JWKS under `kid`. */
export interface TestKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

export async function makeKey(kid: string, alg = 'RS256'): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg } };
}

/**
 * A small OpenID provider on loopback for identity tests (IDENTITY.md §9): a discovery document
 * and a JWKS whose keys, Cache-Control and availability the test controls, counting fetches;
 * tokens are minted with any claims and header.
 */
export class TestProvider {
  keys: TestKey[] = [];
  cacheControl: string | undefined;
  /** Status the JWKS answers with (200 serves `keys`). */
  jwksStatus = 200;
  discovery: { status: number; body: string } | undefined;
  jwksFetches = 0;
  discoveryFetches = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<TestProvider> {
    let provider: TestProvider | undefined;
    const server = createServer((req, res) => provider!.handle(req.url ?? '', res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider = new TestProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return provider;
  }

  get issuer(): string {
    return this.url;
  }
  get jwksUrl(): string {
    return `${this.url}/keys`;
  }
  get discoveryUrl(): string {
    return `${this.url}/.well-known/openid-configuration`;
  }

  /** The discovery document a real provider would serve for this issuer. */
  standardDiscovery(): Record<string, string> {
    return {
      issuer: this.issuer,
      jwks_uri: this.jwksUrl,
      token_endpoint: `${this.url}/token`,
      device_authorization_endpoint: `${this.url}/device/code`,
      authorization_endpoint: `${this.url}/auth`,
    };
  }

  /** Signs `claims` with `key` (header alg and kid from the key unless overridden). */
  mint(key: TestKey, claims: JWTPayload, header: { kid?: string | undefined; alg?: string } = {}): Promise<string> {
    const kid = 'kid' in header ? header.kid : key.kid;
    return new SignJWT(claims).setProtectedHeader({ alg: header.alg ?? key.alg, ...(kid === undefined ? {} : { kid }) }).sign(key.privateKey);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(path: string, res: import('node:http').ServerResponse): void {
    if (path === '/keys') {
      this.jwksFetches++;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.cacheControl) headers['cache-control'] = this.cacheControl;
      res.writeHead(this.jwksStatus, headers).end(this.jwksStatus === 200 ? JSON.stringify({ keys: this.keys.map((k) => k.jwk) }) : 'unavailable');
      return;
    }
    if (path === '/.well-known/openid-configuration') {
      this.discoveryFetches++;
      const d = this.discovery ?? { status: 200, body: JSON.stringify(this.standardDiscovery()) };
      res.writeHead(d.status, { 'content-type': 'application/json' }).end(d.body);
      return;
    }
    res.writeHead(404).end();
  }
}
