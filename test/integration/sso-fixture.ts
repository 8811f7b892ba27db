/**
 * What the SSO tests share: a Roost server pointed at a real OpenID provider only through a
 * `management.json` the test writes (`OIDCConfigEndpoint`, IDENTITY.md §1.2), on SQLite or on
 * PostgreSQL; the flow settings a client asks Roost for over gRPC; tokens obtained the way the
 * netbird client obtains them with those settings.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  DeviceAuthorizationFlowRequestSchema,
  DeviceAuthorizationFlowSchema,
  PKCEAuthorizationFlowRequestSchema,
  PKCEAuthorizationFlowSchema,
  type ProviderConfig,
} from '../../src/gen/management_pb.js';
import { loadManagementJson } from '../../src/config/management-json.js';
import { createAccountService } from '../../src/domain/accounts/account-service.js';
import type { Clock } from '../../src/domain/clock.js';
import type { AccountSettings, User } from '../../src/domain/model.js';
import { OidcCliClient, type CliFlowSettings } from '../harness/oidc-cli-client.js';
import { OidcLoopbackListener } from '../harness/oidc-loopback-listener.js';
import type { OidcTestProvider, OidcTestUser } from '../harness/oidc-test-provider.js';
import { openPostgresTestStore, postgresSkipReason, TEST_PG_DSN } from '../harness/postgres-test-store.js';
import { domainOf } from '../harness/seed.js';
import { GrpcCallError, TestAgent, type status } from '../harness/test-agent.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../harness/test-server.js';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export const ALICE: OidcTestUser = { sub: 'alice', email: 'alice@corp.test', name: 'Alice Example', groups: ['engineering'] };
export const BOB: OidcTestUser = { sub: 'bob', email: 'bob@corp.test', name: 'Bob Example', groups: ['sales'] };

const SCOPE = 'openid profile email groups';

/** The management.json an operator writes for a generic OIDC provider (README example). */
export function ssoManagementJson(idp: OidcTestProvider, http: Record<string, unknown> = {}): Record<string, unknown> {
  const provider = { ClientID: idp.clientId, Audience: idp.audience, Scope: SCOPE, UseIDToken: false };
  return {
    Signal: { Proto: 'http', URI: '127.0.0.1:10000' },
    HttpConfig: { AuthAudience: idp.audience, OIDCConfigEndpoint: idp.discoveryUrl, IdpSignKeyRefreshEnabled: true, ...http },
    DeviceAuthorizationFlow: { Provider: 'hosted', ProviderConfig: provider },
    PKCEAuthorizationFlow: { ProviderConfig: { ...provider, RedirectURLs: [...idp.redirectUris] } },
  };
}

export interface SsoServerOptions {
  /** Lower-case word naming the PostgreSQL schema. */
  readonly label: string;
  readonly clock?: Clock;
  /** HttpConfig members over the defaults. */
  readonly http?: Record<string, unknown>;
}

/**
 * A server on `engine` whose management.json (written to a temp file and loaded as `roost serve
 * --config` loads it) points at `idp`; stopped (and its schema dropped) after the test.
 * Undefined when PostgreSQL is unreachable (the test is skipped, with the reason).
 */
export async function startSsoServer(t: { after(fn: () => unknown): void; skip(msg: string): void }, idp: OidcTestProvider, engine: Engine, opts: SsoServerOptions): Promise<TestServer | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'roost-sso-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'management.json');
  writeFileSync(path, JSON.stringify(ssoManagementJson(idp, opts.http), null, 2));
  const server: TestServerOptions = { file: loadManagementJson(path, {}), overrides: { clock: opts.clock } };
  if (engine === 'sqlite') {
    const s = await startTestServer(server);
    t.after(() => s.stop());
    return s;
  }
  const skip = await postgresSkipReason();
  if (skip !== undefined) {
    console.log(`# skipping: ${skip}`);
    t.skip(skip);
    return undefined;
  }
  const pg = await openPostgresTestStore(opts.label);
  const s = await startTestServer({ ...server, env: { NB_STORE_ENGINE: 'postgres', NB_STORE_ENGINE_POSTGRES_DSN: TEST_PG_DSN }, overrides: { ...server.overrides, store: pg.store } });
  t.after(async () => {
    await s.stop();
    await pg.drop();
  });
  return s;
}

/** The flow settings a netbird client gets from Roost over gRPC (through the envelope). */
export async function flowsOf(server: TestServer): Promise<{ device: ProviderConfig; pkce: ProviderConfig }> {
  const agent = new TestAgent(server.grpcTarget);
  try {
    const { key } = await agent.getServerKey();
    const ask = async (method: string, body: Uint8Array) => agent.openResponse(key, await agent.callRaw(method, agent.envelope(key, body)));
    const device = fromBinary(DeviceAuthorizationFlowSchema, await ask('GetDeviceAuthorizationFlow', toBinary(DeviceAuthorizationFlowRequestSchema, create(DeviceAuthorizationFlowRequestSchema))));
    const pkce = fromBinary(PKCEAuthorizationFlowSchema, await ask('GetPKCEAuthorizationFlow', toBinary(PKCEAuthorizationFlowRequestSchema, create(PKCEAuthorizationFlowRequestSchema))));
    assert.ok(device.providerConfig && pkce.providerConfig);
    return { device: device.providerConfig, pkce: pkce.providerConfig };
  } finally {
    agent.close();
  }
}

const cliSettings = (c: ProviderConfig): CliFlowSettings => ({
  clientId: c.clientId,
  audience: c.audience,
  scope: c.scope,
  tokenEndpoint: c.tokenEndpoint,
  deviceAuthEndpoint: c.deviceAuthEndpoint,
  authorizationEndpoint: c.authorizationEndpoint,
});

/** The device flow as the client runs it from Roost's answer: code, the person approves, poll. */
export async function deviceFlowToken(server: TestServer, idp: OidcTestProvider, user: string): Promise<string> {
  const cli = new OidcCliClient(cliSettings((await flowsOf(server)).device));
  const auth = await cli.requestDeviceCode();
  const [tokens] = await Promise.all([cli.pollDeviceToken(auth.device_code), idp.approveDeviceCode(auth.user_code, user)]);
  return tokens.access_token;
}

/** PKCE as the client runs it from Roost's answer: a loopback listener on a redirect URL Roost sent. */
export async function pkceFlowToken(server: TestServer, idp: OidcTestProvider, user: string): Promise<string> {
  const config = (await flowsOf(server)).pkce;
  const registered = new URL(config.redirectUrls[0]!);
  registered.port = '0'; // any port on a registered loopback (RFC 8252), so parallel tests do not collide
  const listener = await OidcLoopbackListener.listen(registered.href);
  try {
    const cli = new OidcCliClient(cliSettings(config));
    const request = cli.pkceRequest(listener.redirectUri);
    return (await cli.exchangeCode(request, await idp.authorizeWithPkce(request.url, user, listener))).access_token;
  } finally {
    await listener.close();
  }
}

/** Asserts `p` fails with this gRPC code and details (a string: exact; a RegExp: matching). */
export async function refused(p: Promise<unknown>, code: status, details: string | RegExp, what = ''): Promise<void> {
  const err = await p.then(
    () => assert.fail(`${what}: expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof GrpcCallError, `${what}: ${String(err)}`);
  assert.equal(err.code, code, `${what}: ${err.message}`);
  if (typeof details === 'string') assert.equal(err.details, details, what);
  else assert.match(err.details, details, what);
}

/** Changes account settings as the admin API does (the serial moves when maps can change). */
export async function patchSettings(server: TestServer, accountId: string, patch: Partial<AccountSettings>): Promise<void> {
  await createAccountService(domainOf(server.app)).updateSettings(accountId, patch);
}

/** Approves a pending user as an owner would (IDENTITY.md §5.3): active from now on. */
export async function approve(server: TestServer, userId: string): Promise<User> {
  const user = await server.app.store.repos.users.get(userId);
  assert.ok(user);
  const approved = { ...user, blocked: false, pendingApproval: false };
  await server.app.store.repos.users.update(approved);
  return approved;
}
