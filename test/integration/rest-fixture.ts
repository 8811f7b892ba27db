/**
 * The admin API over a real store and the real domain services, driven with `inject()` (no
 * port). Two accounts: the default one (`roost init`'s, with an owner PAT) and a second one,
 * so every suite can check that accounts cannot see each other.
 */
import type { FastifyInstance } from 'fastify';
import { createDomainServices, type DomainServices } from '../../src/domain/create-domain-services.js';
import type { Peer, PeerMeta } from '../../src/domain/model.js';
import { MmdbGeolocation } from '../../src/geo/index.js';
import { testDatabase } from '../../src/geo/testing/test-networks.js';
import { createRestApp } from '../../src/rest/index.js';
import type { Store } from '../../src/store/index.js';
import type { StoreEngine } from '../conformance/store-engines.js';
import { meta, seedAccount, testDeps, wgKey, type TestDeps } from '../conformance/store-fixtures.js';

export interface Tenant {
  readonly accountId: string;
  readonly ownerId: string;
  /** Plain PAT of the owner. */
  readonly token: string;
}

export interface ApiResult {
  readonly status: number;
  // Tests read arbitrary JSON; shapes are asserted field by field.
  readonly json: any;
}

export interface RestFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly deps: TestDeps;
  readonly services: DomainServices;
  /** The default account. */
  readonly main: Tenant;
  /** A second account that must stay invisible to `main` (and vice versa). */
  readonly other: Tenant;
  /** Every `log.error` call the app made. */
  readonly logged: unknown[];
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, opts?: { body?: unknown; token?: string | null; raw?: string }): Promise<ApiResult>;
  /** The account's network serial, read from the store. */
  serial(accountId?: string): Promise<number>;
  /** Registers a peer through the domain (setup key + registerPeer), as a client Login would. */
  addPeer(accountId: string, hostname: string, over?: Partial<PeerMeta>): Promise<Peer>;
  close(): Promise<void>;
}

async function tokenFor(services: DomainServices, accountId: string, userId: string): Promise<string> {
  const created = await services.tokens.create(accountId, userId, { name: 'test', expiresInDays: 30 });
  return created.plainToken;
}

/**
 * @param opts.geo the geolocation database the API lists and geo checks need; by default a small
 *   test database (src/geo/testing), `null` for none (upstream's 412 answers)
 */
export async function openRestFixture(engine: StoreEngine, opts: { geo?: MmdbGeolocation | null } = {}): Promise<RestFixture> {
  const store = await engine.open();
  const deps = testDeps(store);
  // As create-app.ts: the domain knows the server's DNS domain (peer FQDNs in audit events).
  const services = createDomainServices({ ...deps, dnsDomain: 'netbird.selfhosted' });
  const logged: unknown[] = [];
  const { account, owner } = await services.ensureDefaultAccount();
  const second = await seedAccount(deps, 7);
  const main = { accountId: account.id, ownerId: owner.id, token: await tokenFor(services, account.id, owner.id) };
  const other = { accountId: second.account.id, ownerId: second.ownerId, token: await tokenFor(services, second.account.id, second.ownerId) };
  const geo = opts.geo === undefined ? new MmdbGeolocation(testDatabase()) : (opts.geo ?? undefined);
  const app = createRestApp({ ...services, ...(geo ? { geo } : {}), snapshots: store, dnsDomain: 'netbird.selfhosted', clock: deps.clock, log: { error: (obj) => logged.push(obj) } });
  const setupKeys = new Map<string, string>();
  return {
    app,
    store,
    deps,
    services,
    main,
    other,
    logged,
    async call(method, url, opts = {}) {
      const token = opts.token === undefined ? main.token : opts.token;
      const headers: Record<string, string> = token === null ? {} : { authorization: `Token ${token}` };
      const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
      return { status: res.statusCode, json: res.body === '' ? undefined : JSON.parse(res.body) };
    },
    async serial(accountId = main.accountId) {
      const s = await store.getAccountSerial(accountId);
      if (s === undefined) throw new Error(`no account ${accountId}`);
      return s;
    },
    async addPeer(accountId, hostname, over = {}) {
      let plain = setupKeys.get(accountId);
      if (plain === undefined) {
        const created = await services.setupKeys.create(accountId, {
          name: 'peers', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false,
        });
        plain = created.plainKey;
        setupKeys.set(accountId, plain);
      }
      const { peer } = await services.peerLifecycle.registerPeer({ setupKey: plain, key: wgKey(), meta: meta({ hostname, ...over }), sshKey: '', extraDnsLabels: [] });
      return peer;
    },
    async close() {
      await app.close();
      await engine.cleanup();
    },
  };
}

/** Whether `json` is exactly upstream's error body `{message, code}` with this code and a message. */
export function isErrorBody(json: unknown, code: number): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as Record<string, unknown>;
  return o['code'] === code && typeof o['message'] === 'string' && (o['message'] as string).length > 0 && Object.keys(o).length === 2;
}
