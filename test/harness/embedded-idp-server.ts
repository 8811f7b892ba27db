/**
 * A Roost server with the embedded OpenID provider on, as `roost serve` runs it, on SQLite or a
 * PostgreSQL store the test hands in. The HTTP port is chosen before start (the issuer names it),
 * and the log is captured so a test can check no password or token was written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type App, type AppOverrides, type BoundPorts } from '../../src/app/create-app.js';
import { buildConfig, type Config } from '../../src/config/config.js';
import { readEnvSettings } from '../../src/config/env-settings.js';
import { parseManagementJson } from '../../src/config/management-json.js';
import type { Store } from '../../src/store/index.js';
import { OidcBrowser, type BrowsedPage } from './oidc-browser.js';
import { OidcCliClient, type CliFlowSettings } from './oidc-cli-client.js';
import { OidcLoopbackListener } from './oidc-loopback-listener.js';
import { TEST_PG_DSN } from './postgres-test-store.js';
import { freePort } from './free-port.js';

export interface EmbeddedIdpServer {
  readonly app: App;
  readonly config: Config;
  readonly ports: BoundPorts;
  readonly issuer: string;
  /** `http://127.0.0.1:<http port>` */
  readonly base: string;
  readonly grpcTarget: string;
  readonly dataDir: string;
  /** The dashboard redirect URI registered for this server (a free loopback port). */
  readonly dashboardRedirect: string;
  /** Everything logged so far (JSON lines). */
  logged(): string;
  stop(): Promise<void>;
}

export interface EmbeddedIdpServerOptions {
  /** Restart on the same data dir / port (same issuer). */
  readonly dataDir?: string;
  readonly httpPort?: number;
  /** A PostgreSQL store (opened, not migrated); SQLite in the data dir otherwise. */
  readonly store?: Store;
  readonly dashboardRedirect?: string;
  /** Extra `EmbeddedIdP` keys (e.g. Owner). */
  readonly embeddedIdp?: Record<string, unknown>;
  readonly overrides?: AppOverrides;
}

export async function startEmbeddedIdpServer(opts: EmbeddedIdpServerOptions = {}): Promise<EmbeddedIdpServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'roost-idp-'));
  const httpPort = opts.httpPort ?? (await freePort());
  const issuer = `http://127.0.0.1:${httpPort}/oauth2`;
  const dashboardRedirect = opts.dashboardRedirect ?? `http://127.0.0.1:${await freePort()}/nb-auth`;
  const file = parseManagementJson(
    JSON.stringify({
      Signal: { Proto: 'http', URI: '127.0.0.1:10000' },
      EmbeddedIdP: { Enabled: true, Issuer: issuer, DashboardRedirectURIs: [dashboardRedirect], ...opts.embeddedIdp },
    }),
  );
  const env = opts.store ? { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: TEST_PG_DSN } : {};
  const config = buildConfig({
    flags: { dataDir, host: '127.0.0.1', grpcPort: 0, httpPort, metricsPort: 0, logLevel: 'trace' },
    env: readEnvSettings(env),
    file,
    localSecret: '',
  });
  let log = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      log += String(chunk);
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  const app = await createApp(config, { logger, ...(opts.store ? { store: opts.store } : {}), ...opts.overrides });
  const ports = await app.start();
  return {
    app,
    config,
    ports,
    issuer,
    base: `http://127.0.0.1:${httpPort}`,
    grpcTarget: `127.0.0.1:${ports.grpc}`,
    dataDir,
    dashboardRedirect,
    logged: () => log,
    async stop() {
      await app.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The netbird-cli settings of the embedded provider (what the flow RPCs answer). */
export function cliFlow(issuer: string, over: Partial<CliFlowSettings> = {}): CliFlowSettings {
  return {
    clientId: 'netbird-cli',
    audience: 'netbird-cli',
    scope: 'openid profile email groups',
    tokenEndpoint: `${issuer}/token`,
    deviceAuthEndpoint: `${issuer}/device/code`,
    authorizationEndpoint: `${issuer}/auth`,
    ...over,
  };
}

/**
 * Authorization code + PKCE with a loopback redirect: the person signs in on Roost's page (the
 * browser submits its form) and the code is exchanged. `redirect` defaults to a free port on the
 * CLI's registered `http://localhost:53000/`; a web client (the dashboard) needs `exactRedirect`.
 */
export async function pkceSignIn(
  flow: CliFlowSettings,
  person: { email: string; password: string },
  opts: { redirect?: string; exactRedirect?: boolean; browser?: OidcBrowser } = {},
): Promise<{ tokens: Awaited<ReturnType<OidcCliClient['exchangeCode']>>; code: string; request: ReturnType<OidcCliClient['pkceRequest']>; cli: OidcCliClient }> {
  const registered = new URL(opts.redirect ?? 'http://localhost:53000/');
  if (!opts.exactRedirect) registered.port = '0'; // any port on a native client's loopback URI (RFC 8252 §7.3)
  const listener = await OidcLoopbackListener.listen(registered.href);
  try {
    const cli = new OidcCliClient(flow);
    const request = cli.pkceRequest(listener.redirectUri);
    await (opts.browser ?? new OidcBrowser()).browse(request.url, { login: person.email, password: person.password });
    const query = await listener.received();
    const code = query.get('code');
    if (!code) throw new Error(`no code: ${query.toString()}`);
    return { tokens: await cli.exchangeCode(request, code), code, request, cli };
  } finally {
    await listener.close();
  }
}

/** A person approves a device's user code on Roost's device page, signing in on the way. */
export async function approveDeviceCode(verificationUri: string, userCode: string, person: { email: string; password: string }): Promise<BrowsedPage> {
  return new OidcBrowser().browse(verificationUri, { user_code: userCode, login: person.email, password: person.password });
}

/** `fetch` of the REST API with a bearer token. */
export async function api(base: string, path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  // A server restarted on the same port leaves fetch's pool a keep-alive socket of the old one;
  // a request that got no answer at all on such a socket is sent again (a few times at most).
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(`${base}/api${path}`, { ...init, headers });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof TypeError)) throw err;
    }
  }
}
