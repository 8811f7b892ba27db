/**
 * Checks shared by the import tests: run `roost import` as a process, then hold the imported
 * server against upstream's own fixture (`shared/fixtures/upstream-store`): its REST view, its
 * PATs and setup keys, and its peers logging in over gRPC with their own keys.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { create, fromBinary, toJson, type JsonValue } from '@bufbuild/protobuf';
import { PeerSystemMetaSchema, SyncResponseSchema } from '../../src/gen/management_pb.js';
import { keyPairFromSecret, parseWgKey } from '../../src/crypto/wg-key.js';
import type { Clock } from '../../src/domain/clock.js';
import { runRoost } from '../harness/serve-process.js';
import { GrpcCallError, TestAgent, status, type MetaInit } from '../harness/test-agent.js';

export const FIXTURE_ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'upstream-store');

/**
 * A clock that starts shortly after both of upstream's snapshots (2026-12-03 09:00 UTC) and runs at real
 * speed: the 48 h login expiry, the 7 d inactivity expiry and the keys' lifetimes are judged
 * as upstream judged them, whenever the test runs.
 */
export function fixtureClock(): Clock {
  const start = Date.now();
  return { now: () => Date.UTC(2026, 11, 3, 9, 0) + (Date.now() - start) };
}

export interface FixtureSecrets {
  pats: { user_id: string; token_id: string; name: string; plain_token: string }[];
  setupKeys: { id: string; name: string; plain_key: string }[];
  peers: { label: string; peer_id: string; wg_private_key: string; wg_public_key: string; ssh_public_key?: string; meta: Record<string, unknown>; deleted?: boolean }[];
  ids: { mapsFor: string[] };
}

export function readSecrets(dir: string): FixtureSecrets {
  return JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as FixtureSecrets;
}

/** Runs `roost import …` from source; resolves with the exit code and both outputs. */
export async function runImportCli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runRoost(['import', ...args], env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/**
 * Fields left out of the REST comparison, each with why. Everything else must be equal.
 * Timestamps are compared at millisecond precision: Roost stores milliseconds, upstream
 * nanoseconds (SQLite) or microseconds (PostgreSQL).
 */
export const IGNORED_REST_FIELDS: Readonly<Record<string, string>> = {
  connected: 'connection state is not imported: every peer starts disconnected',
  last_used: "only of the owner's PAT, which upstream's snapshot requests and this test use (tokens are compared by id)",
  domain_category: 'upstream derives it from the IdP domain at login; Roost keeps no domain category',
  permissions: "the caller's permission table is Roost's own, not imported data",
  onboarding: 'account onboarding flags are not imported (Roost answers false, as upstream holds here)',
  settings: 'compared field by field in settingsOf (upstream-only extras excluded)',
};

/** Account settings Roost has no counterpart for (upstream-only features, all off in the fixture). */
const UPSTREAM_ONLY_SETTINGS = ['embedded_idp_enabled', 'local_auth_disabled', 'peer_expose_enabled', 'peer_expose_groups', 'extra'];

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Canonical form: timestamps cut to ms, nil lists as [], arrays sorted, keys sorted. */
export function canonical(v: unknown, ignore: Readonly<Record<string, string>> = {}): unknown {
  if (typeof v === 'string' && ISO.test(v)) {
    if (v.startsWith('0001-01-01')) return 'never';
    return new Date(v).toISOString();
  }
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => canonical(x, ignore)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) if (!(k in ignore)) out[k] = canonical((v as Record<string, unknown>)[k], ignore);
    return out;
  }
  return v;
}

/**
 * Where `actual` differs from `expected`: every field upstream shows must be equal (Roost may
 * show more). Upstream's `null` for an empty Go slice equals Roost's `[]`.
 */
export function differences(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected) && expected.length === 0 && actual === null) return [];
  if (expected === null && Array.isArray(actual) && actual.length === 0) return [];
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.keys(expected).flatMap((k) => differences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${path}[${i}]`));
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Rows per kind the dry run and the import report for both fixtures (one row per object). */
export const IMPORTED_COUNTS: readonly (readonly [string, number])[] = [
  ['accounts', 1], ['users', 5], ['personal access tokens', 3], ['peers', 12], ['groups', 7], ['policies', 6], ['posture checks', 3],
  ['routes', 3], ['nameserver groups', 2], ['setup keys', 6], ['networks', 1], ['network resources', 3], ['network routers', 1],
  ['DNS zones', 1], ['DNS records', 4], ['audit events', 92], ['deleted users', 0],
];

/** The collections compared: expected file → Roost path. */
export const REST_COLLECTIONS: Readonly<Record<string, string>> = {
  accounts: '/api/accounts',
  users: '/api/users',
  'users-service': '/api/users?service_user=true',
  'users-current': '/api/users/current',
  peers: '/api/peers',
  groups: '/api/groups',
  policies: '/api/policies',
  'posture-checks': '/api/posture-checks',
  'setup-keys': '/api/setup-keys',
  routes: '/api/routes',
  'dns-nameservers': '/api/dns/nameservers',
  'dns-settings': '/api/dns/settings',
  networks: '/api/networks',
  'networks-resources': '/api/networks/resources',
  'networks-routers': '/api/networks/routers',
  'dns-zones': '/api/dns/zones',
  'events-audit': '/api/events/audit',
};

/** Lists upstream gave per parent (parent id → list): expected file → Roost path of one parent. */
export const REST_LISTS_BY_PARENT: Readonly<Record<string, (parentId: string) => string>> = {
  'networks-resources-by-network': (id) => `/api/networks/${id}/resources`,
  'networks-routers-by-network': (id) => `/api/networks/${id}/routers`,
  'dns-zones-records-by-zone': (id) => `/api/dns/zones/${id}/records`,
};

/**
 * Audit events are compared as a set WITHOUT their `id`: Roost's audit log numbers events
 * itself and never reuses a number (a `--replace` import continues after the removed ones), so
 * upstream's IDs are kept only as the order of import. `eventOrderDiffs` checks that order.
 */
const keyOf = (file: string, o: Record<string, any>): string =>
  file === 'events-audit' ? JSON.stringify(canonical({ ...o, id: undefined }, IGNORED_REST_FIELDS)) : String(o['id'] ?? '(single)');

export async function apiGet(httpPort: number, path: string, token: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`http://127.0.0.1:${httpPort}${path}`, { headers: { authorization: `Token ${token}` } });
  return { status: res.status, json: res.status === 200 ? await res.json() : await res.text() };
}

function settingsOf(account: Record<string, any>): Record<string, unknown> {
  const s = { ...account['settings'] };
  for (const k of UPSTREAM_ONLY_SETTINGS) delete s[k];
  return { ...s, peer_approval_enabled: account['settings']?.extra?.peer_approval_enabled, user_approval_required: account['settings']?.extra?.user_approval_required };
}

/** Compares every collection (as sets by id) and every object's own GET; returns the differences. */
export async function compareRest(httpPort: number, token: string, expectedDir: string): Promise<string[]> {
  const diffs: string[] = [];
  for (const [file, path] of Object.entries(REST_COLLECTIONS)) {
    const expected = JSON.parse(readFileSync(join(expectedDir, `${file}.json`), 'utf8'));
    const got = await apiGet(httpPort, path, token);
    if (got.status !== 200) {
      diffs.push(`${file}: GET ${path} → ${got.status} ${String(got.json).slice(0, 200)}`);
      continue;
    }
    const list = (x: unknown): Record<string, any>[] => (Array.isArray(x) ? x : [x as Record<string, any>]);
    const key = (o: Record<string, any>) => keyOf(file, o);
    if (file === 'events-audit') diffs.push(...eventOrderDiffs(list(expected), list(got.json)));
    const actualById = new Map(list(got.json).map((o) => [key(o), o]));
    if (actualById.size !== list(expected).length) diffs.push(`${file}: ${actualById.size} object(s), upstream ${list(expected).length}`);
    for (const e of list(expected)) {
      const a = actualById.get(key(e));
      if (a === undefined) {
        diffs.push(`${file}: ${key(e)} missing`);
        continue;
      }
      const ignore = file === 'events-audit' ? { ...IGNORED_REST_FIELDS, id: 'numbered by Roost (eventOrderDiffs)' } : IGNORED_REST_FIELDS;
      diffs.push(...differences(canonical(e, ignore), canonical(a, ignore), `${file}[${key(e)}]`));
      if (file === 'accounts') diffs.push(...differences(canonical(settingsOf(e as Record<string, any>)), canonical(settingsOf(a)), `${file}[${key(e)}].settings`));
    }
  }
  for (const [file, pathOf] of Object.entries(REST_LISTS_BY_PARENT)) {
    const expected = JSON.parse(readFileSync(join(expectedDir, `${file}.json`), 'utf8')) as Record<string, Record<string, any>[]>;
    for (const [parent, items] of Object.entries(expected)) {
      const got = await apiGet(httpPort, pathOf(parent), token);
      if (got.status !== 200) {
        diffs.push(`${file}[${parent}]: GET → ${got.status}`);
        continue;
      }
      diffs.push(...differences(canonical(items), canonical(got.json), `${file}[${parent}]`));
    }
  }
  diffs.push(...(await compareById(httpPort, token, expectedDir)));
  return diffs;
}

/** Every object's own GET for the Networks and DNS-zone kinds (`*.by-id.json`). */
async function compareById(httpPort: number, token: string, expectedDir: string): Promise<string[]> {
  const read = (f: string) => JSON.parse(readFileSync(join(expectedDir, `${f}.json`), 'utf8')) as Record<string, any>;
  const parentOf = (byParent: Record<string, { id: string }[]>) => new Map(Object.entries(byParent).flatMap(([p, items]) => items.map((i) => [i.id, p] as const)));
  const resourceNet = parentOf(read('networks-resources-by-network'));
  const routerNet = parentOf(read('networks-routers-by-network'));
  const recordZone = parentOf(read('dns-zones-records-by-zone'));
  const kinds: [string, (id: string) => string][] = [
    ['networks.by-id', (id) => `/api/networks/${id}`],
    ['networks-resources.by-id', (id) => `/api/networks/${resourceNet.get(id)}/resources/${id}`],
    ['networks-routers.by-id', (id) => `/api/networks/${routerNet.get(id)}/routers/${id}`],
    ['dns-zones.by-id', (id) => `/api/dns/zones/${id}`],
    ['dns-records.by-id', (id) => `/api/dns/zones/${recordZone.get(id)}/records/${id}`],
  ];
  const diffs: string[] = [];
  for (const [file, pathOf] of kinds) {
    for (const [id, body] of Object.entries(read(file))) {
      const got = await apiGet(httpPort, pathOf(id), token);
      if (got.status !== 200) diffs.push(`${file}[${id}]: GET ${pathOf(id)} → ${got.status}`);
      else diffs.push(...differences(canonical(body, IGNORED_REST_FIELDS), canonical(got.json, IGNORED_REST_FIELDS), `${file}[${id}]`));
    }
  }
  return diffs;
}

/** Roost's event IDs must order the events as upstream's did (newest first in both listings). */
function eventOrderDiffs(expected: Record<string, any>[], actual: Record<string, any>[]): string[] {
  const sig = (o: Record<string, any>) => JSON.stringify(canonical({ ...o, id: undefined }));
  const upstreamOrder = [...expected].sort((a, b) => Number(a['id']) - Number(b['id'])).map(sig);
  const roostOrder = [...actual].sort((a, b) => Number(a['id']) - Number(b['id'])).map(sig);
  return JSON.stringify(upstreamOrder) === JSON.stringify(roostOrder) ? [] : ['events-audit: Roost event IDs do not follow upstream event order'];
}

/**
 * Every PAT of the fixture authenticates: it may list its own user's tokens (allowed to an
 * owner and to service users for themselves), and the listing holds that very token.
 */
export async function assertPatsWork(httpPort: number, secrets: FixtureSecrets): Promise<void> {
  for (const pat of secrets.pats) {
    const own = await apiGet(httpPort, `/api/users/${encodeURIComponent(pat.user_id)}/tokens`, pat.plain_token);
    assert.equal(own.status, 200, `PAT ${pat.name}: ${String(own.json)}`);
    assert.ok(own.json.some((t: { id: string }) => t.id === pat.token_id), `PAT ${pat.name} is listed for its user`);
  }
  const forged = `${secrets.pats[0]!.plain_token.slice(0, -4)}AAAA`;
  assert.equal((await apiGet(httpPort, '/api/groups', forged)).status, 401, 'a token that is not stored does not authenticate');
}

/** The meta a fixture peer sent, as a Login/Sync request carries it. */
export function fixtureMeta(meta: Record<string, unknown>): MetaInit {
  return create(PeerSystemMetaSchema, meta as MetaInit);
}

export function agentFor(target: string, peer: FixtureSecrets['peers'][number]): TestAgent {
  const keys = keyPairFromSecret(parseWgKey(peer.wg_private_key));
  return new TestAgent(target, { keys });
}

/**
 * Parts of a first SyncResponse left out of the comparison, each with why:
 * - the serial, the STUN/TURN/relay/signal config with its time-based credentials, and the JWT
 *   config of peer SSH: configuration or time, not the store;
 * - the deprecated top-level `remotePeers` copy, which Roost no longer sends (issue #17; every
 *   client since v0.20 reads NetworkMap.remotePeers, compared here);
 * - `networkMap.sshAuth` (hashed authorised user IDs of upstream's newer SSH auth), which Roost
 *   does not implement;
 * - an empty `portInfo` message on route firewall rules without ports: upstream sends it
 *   present-but-empty, Roost leaves it unset; a client reads both as "no port" (not import).
 * Custom DNS zones and the routes and route firewall rules of network resources are compared.
 */
function storeDerivedMap(json: JsonValue): unknown {
  const m = structuredClone(json) as Record<string, any>;
  delete m['netbirdConfig'];
  delete m['remotePeers'];
  const nm = m['networkMap'] ?? {};
  delete nm['serial'];
  delete nm['sshAuth'];
  for (const pc of [m['peerConfig'], nm['peerConfig']]) if (pc?.['sshConfig']) delete pc['sshConfig']['jwtConfig'];
  for (const rp of [...(nm['remotePeers'] ?? []), ...(nm['offlinePeers'] ?? [])]) if (rp['sshConfig']) delete rp['sshConfig']['jwtConfig'];
  for (const r of nm['routesFirewallRules'] ?? []) if (r['portInfo'] && Object.keys(r['portInfo']).length === 0) delete r['portInfo'];
  return canonical(m);
}

/** The fixture's expected first SyncResponse, decoded from upstream's own plaintext protobuf. */
export function expectedMap(expectedDir: string, label: string): unknown {
  const bin = readFileSync(join(expectedDir, 'maps', `${label}.bin`));
  return storeDerivedMap(toJson(SyncResponseSchema, fromBinary(SyncResponseSchema, bin)));
}

/** Logs a fixture peer in with its own key and no setup key, opens Sync; the first map, store-derived parts only. */
export async function loginAndFirstMap(target: string, peer: FixtureSecrets['peers'][number]): Promise<unknown> {
  const agent = agentFor(target, peer);
  try {
    const meta = fixtureMeta(peer.meta);
    await agent.login({ meta, sshKey: peer.ssh_public_key ?? '' });
    const stream = await agent.sync({ meta });
    try {
      await stream.next(15_000);
      return storeDerivedMap(toJson(SyncResponseSchema, fromBinary(SyncResponseSchema, stream.inners[0]!)));
    } finally {
      stream.close();
    }
  } finally {
    agent.close();
  }
}

/** A Login that must be refused with `code`. */
export async function assertLoginRefused(agent: TestAgent, req: Parameters<TestAgent['login']>[0], code: status, what: string): Promise<void> {
  await assert.rejects(agent.login(req), (err: unknown) => err instanceof GrpcCallError && err.code === code, what);
}

/** A copy of the fixture's SQLite file `source` as `dir`/`name`, with `sql` run on it (damage for the importer to report). */
export function damagedFixtureCopy(dir: string, source: string, name: string, sql: string): string {
  const file = join(dir, name);
  copyFileSync(join(FIXTURE_ROOT, source), file);
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return file;
}
