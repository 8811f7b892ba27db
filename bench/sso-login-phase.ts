/**
 * The SSO Login row: what a Login carrying a JWT costs the server, next to a setup-key Login.
 * `roost serve` runs in its own process against a real OpenID provider (the test harness's);
 * N new peers register with a setup key, N with a JWT, then each logs in again (plain, and
 * with its JWT). Server CPU per Login is the difference of /proc CPU time over a phase.
 *
 * Keys are configured as a production IdP serves them: the JWKS answers with
 * `Cache-Control: max-age=300` (Auth0, Okta and Google send a max-age) and
 * `IdpSignKeyRefreshEnabled` is on, so the validator fetches once and then validates from its
 * cache. (The provider itself sends no max-age; with refresh on, upstream — and Roost — would
 * then fetch the JWKS before every validation. A small proxy adds the header and counts fetches.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessChangeBus } from '../src/domain/change-bus.js';
import { systemClock } from '../src/domain/clock.js';
import { ensureDefaultAccount } from '../src/domain/accounts/ensure-default-account.js';
import { xidGenerator } from '../src/domain/id-generator.js';
import { createSetupKeyService } from '../src/domain/setup-keys/setup-key-service.js';
import { openStore } from '../src/store/index.js';
import { OidcTestProvider } from '../test/harness/oidc-test-provider.js';
import { linuxMeta, NIL_UUID, TestAgent } from '../test/harness/test-agent.js';
import { formatTable } from './format-table.js';
import { mapLimit } from './map-limit.js';
import { ServerUnderTest } from './server-under-test.js';

/** Distinct SSO users; peer i signs in as user i mod USERS. */
const USERS = 10;

export interface SsoPhaseRow {
  readonly phase: string;
  readonly logins: number;
  readonly wallMs: number;
  readonly serverCpuMs: number;
}

export interface SsoLoginResult {
  readonly peers: number;
  readonly rows: readonly SsoPhaseRow[];
  /** JWKS fetches by the server over the whole run (1 when keys stay cached). */
  readonly jwksFetches: number;
}

/** A JWKS in front of the provider's, with the max-age a production IdP sends; counts fetches. */
async function cachingJwks(upstream: string): Promise<{ url: string; fetches: () => number; close: () => Promise<void> }> {
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    fetch(upstream).then(
      async (r) => res.writeHead(r.status, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' }).end(await r.text()),
      () => res.writeHead(502).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The account `roost init` makes, approval of new users off, and a reusable setup key. */
async function seed(dataDir: string): Promise<string> {
  const store = await openStore({ engine: 'sqlite', file: join(dataDir, 'store.db') });
  try {
    await store.migrate();
    const deps = { store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
    const { account } = await ensureDefaultAccount(deps);
    await store.repos.accounts.updateSettings(account.id, { ...account.settings, userApprovalRequired: false });
    const key = await createSetupKeyService(deps).create(account.id, { name: 'bench', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false });
    return key.plainKey.toLowerCase();
  } finally {
    await store.close();
  }
}

export async function runSsoLoginPhase(opts: { peers: number; concurrency: number; log: (line: string) => void }): Promise<SsoLoginResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-bench-sso-'));
  const users = Array.from({ length: USERS }, (_, i) => ({ sub: `bench-user-${i}`, email: `u${i}@bench.test`, name: `User ${i}`, groups: [] }));
  const idp = await OidcTestProvider.start({ users, accessTokenTtlSeconds: 3600 });
  const jwks = await cachingJwks(`${idp.issuer}/jwks`);
  let server: ServerUnderTest | undefined;
  const agents: TestAgent[] = [];
  try {
    const setupKey = await seed(dataDir);
    const config = join(dataDir, 'management.json');
    writeFileSync(config, JSON.stringify({ Signal: { Proto: 'http', URI: '127.0.0.1:10000' }, HttpConfig: { AuthAudience: idp.audience, AuthIssuer: idp.issuer, AuthKeysLocation: jwks.url, IdpSignKeyRefreshEnabled: true } }));
    server = await ServerUnderTest.start({ dataDir, env: {}, serveArgs: ['--config', config] });
    const target = server.target;
    opts.log(`  SSO logins: ${opts.peers} peers, ${USERS} users`);
    const tokens = await Promise.all(users.map(async (u) => (await idp.deviceFlowToken(u.sub)).access_token));
    const keyPeers = Array.from({ length: opts.peers }, () => new TestAgent(target));
    const ssoPeers = Array.from({ length: opts.peers }, () => new TestAgent(target));
    agents.push(...keyPeers, ...ssoPeers);
    const rows: SsoPhaseRow[] = [];
    const phase = async (name: string, list: readonly TestAgent[], login: (a: TestAgent, i: number) => Promise<unknown>) => {
      const cpu0 = server!.stats().cpuSeconds;
      const t0 = performance.now();
      await mapLimit(list, opts.concurrency, login);
      rows.push({ phase: name, logins: list.length, wallMs: performance.now() - t0, serverCpuMs: (server!.stats().cpuSeconds - cpu0) * 1000 });
    };
    const meta = (i: number, kind: string) => linuxMeta(`${kind}-${i}`);
    await phase('register, setup key', keyPeers, (a, i) => a.login({ setupKey, meta: meta(i, 'key') }));
    await phase('register, JWT', ssoPeers, (a, i) => a.login({ jwtToken: tokens[i % USERS]!, setupKey: NIL_UUID, meta: meta(i, 'sso') }));
    await phase('known peer, plain Login', keyPeers, (a, i) => a.login({ meta: meta(i, 'key') }));
    await phase('known peer, Login with JWT', ssoPeers, (a, i) => a.login({ jwtToken: tokens[i % USERS]!, setupKey: NIL_UUID, meta: meta(i, 'sso') }));
    return { peers: opts.peers, rows, jwksFetches: jwks.fetches() };
  } finally {
    for (const a of agents) a.close();
    await server?.stop();
    await jwks.close();
    await idp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The row as Markdown, with what it measured under. */
export function ssoLoginTable(r: SsoLoginResult): string {
  const rows = r.rows.map((x) => [x.phase, String(x.logins), (x.wallMs / 1000).toFixed(2), (x.serverCpuMs / x.logins).toFixed(2)]);
  return [
    `SSO Login (N=${r.peers}; JWKS with max-age=300 and key refresh on: ${r.jwksFetches} JWKS fetch(es) in the run; every Login also makes one GetServerKey call)`,
    '',
    formatTable(['Login', 'logins', 'wall s', 'server CPU ms / Login'], rows, new Set([1, 2, 3])),
  ].join('\n');
}
