/**
 * Every number a REST body carries is range-checked before anything is stored: for each
 * bound, a value just inside is accepted, a value just outside is a 422 with the error body
 * that stores nothing, and the resource's list still renders afterwards. The regression this
 * guards: a setup key whose expiry lay past the JS date range was stored with a 500 and made
 * `GET /api/setup-keys` fail for the whole account.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restbounds');

const DAY = 86_400;
const INT32_MAX = 2_147_483_647;
/** Seconds past which `now + seconds` is beyond the largest JS date. */
const PAST_JS_DATES = 8_640_000_000_000;

interface BoundCase {
  readonly name: string;
  readonly method: 'POST' | 'PUT';
  readonly url: () => string;
  /** The request body carrying `value` in the field under test; `i` makes names unique. */
  readonly body: (value: number, i: number) => unknown;
  /** The list that must keep rendering. */
  readonly listUrl: () => string;
  /** What is stored, to compare before and after a refused request. */
  readonly stored: () => Promise<unknown>;
  readonly inside: readonly number[];
  readonly outside: readonly number[];
  /** Upstream's message for the refusal, where it has one. */
  readonly message?: string;
}

async function checkBound(f: RestFixture, c: BoundCase): Promise<void> {
  let i = 0;
  for (const value of c.inside) {
    const res = await f.call(c.method, c.url(), { body: c.body(value, i++) });
    assert.equal(res.status, 200, `${c.name} = ${value}: ${JSON.stringify(res.json)}`);
  }
  for (const value of c.outside) {
    const before = JSON.stringify(await c.stored());
    const res = await f.call(c.method, c.url(), { body: c.body(value, i++) });
    assert.equal(res.status, 422, `${c.name} = ${value}: ${JSON.stringify(res.json)}`);
    assert.ok(isErrorBody(res.json, 422), `${c.name} = ${value}`);
    if (c.message !== undefined) assert.equal(res.json.message, c.message, `${c.name} = ${value}`);
    assert.equal(JSON.stringify(await c.stored()), before, `${c.name} = ${value}: nothing stored`);
  }
  const list = await f.call('GET', c.listUrl());
  assert.equal(list.status, 200, `${c.name}: the list still renders: ${JSON.stringify(list.json)}`);
}

for (const engine of ENGINES) {
  describe(`REST numeric bounds on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let allId: string;
    let peerId: string;
    before(async () => {
      f = await openRestFixture(engine);
      allId = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!.id;
      peerId = (await f.addPeer(f.main.accountId, 'router')).id;
    });
    after(() => f?.close());

    const key = (over: Record<string, unknown>) => ({ name: 'k', type: 'reusable', expires_in: DAY, auto_groups: [], usage_limit: 0, ...over });
    const settings = (over: Record<string, unknown>) => ({
      settings: { peer_login_expiration_enabled: true, peer_login_expiration: DAY, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: true, ...over },
    });

    test('an expiry past the JS date range is refused, and the key list keeps rendering', async () => {
      const before = await f.services.setupKeys.list(f.main.accountId);
      const res = await f.call('POST', '/api/setup-keys', { body: key({ expires_in: PAST_JS_DATES }) });
      assert.deepEqual([res.status, res.json], [422, { message: 'expiresIn should be between 1 day and 365 days', code: 422 }]);
      assert.deepEqual(await f.services.setupKeys.list(f.main.accountId), before, 'nothing stored');
      assert.equal((await f.call('GET', '/api/setup-keys')).status, 200);
    });

    test('setup keys: expires_in is 0 (never) or one day to a year; usage_limit fits the store', async () => {
      const stored = () => f.services.setupKeys.list(f.main.accountId);
      await checkBound(f, {
        name: 'expires_in', method: 'POST', url: () => '/api/setup-keys', body: (v) => key({ expires_in: v }), listUrl: () => '/api/setup-keys', stored,
        inside: [0, DAY, 365 * DAY], outside: [DAY - 1, 1, 365 * DAY + 1, PAST_JS_DATES, 1e300],
        message: 'expiresIn should be between 1 day and 365 days',
      });
      await checkBound(f, {
        name: 'negative expires_in', method: 'POST', url: () => '/api/setup-keys', body: (v) => key({ expires_in: v }), listUrl: () => '/api/setup-keys', stored,
        inside: [], outside: [-1], message: 'expiresIn can not be in the past',
      });
      await checkBound(f, {
        name: 'usage_limit', method: 'POST', url: () => '/api/setup-keys', body: (v) => key({ usage_limit: v }), listUrl: () => '/api/setup-keys', stored,
        inside: [0, 1, INT32_MAX], outside: [-1, INT32_MAX + 1, 1e300],
      });
      const listed = await f.call('GET', '/api/setup-keys');
      assert.ok(listed.json.some((k: { usage_limit: number }) => k.usage_limit === INT32_MAX), 'the largest limit reads back');
      assert.ok(listed.json.some((k: { expires: string }) => Date.parse(k.expires) - f.deps.clock.now() === 365 * DAY * 1000), 'a year reads back');
    });

    test('personal access tokens: expires_in is 1 to 365 days', async () => {
      const url = `/api/users/${f.main.ownerId}/tokens`;
      await checkBound(f, {
        name: 'token expires_in', method: 'POST', url: () => url, body: (v) => ({ name: 't', expires_in: v }), listUrl: () => url,
        stored: () => f.services.tokens.list(f.main.accountId, f.main.ownerId),
        inside: [1, 365], outside: [0, 366, -1, PAST_JS_DATES], message: 'expiration has to be between 1 and 365',
      });
    });

    test('account settings: login expiration one hour to 180 days, inactivity one minute to 180 days', async () => {
      const url = () => `/api/accounts/${f.main.accountId}`;
      const stored = async () => (await f.services.accounts.get(f.main.accountId)).settings;
      await checkBound(f, {
        name: 'peer_login_expiration', method: 'PUT', url, body: (v) => settings({ peer_login_expiration: v }), listUrl: () => '/api/accounts', stored,
        inside: [3600, 180 * DAY], outside: [3599, 180 * DAY + 1, 0, -1, PAST_JS_DATES],
      });
      await checkBound(f, {
        name: 'peer_inactivity_expiration', method: 'PUT', url, body: (v) => settings({ peer_inactivity_expiration: v }), listUrl: () => '/api/accounts', stored,
        inside: [60, 180 * DAY], outside: [59, 180 * DAY + 1, -1, PAST_JS_DATES],
      });
    });

    test('routes: metric 1 to 9999', async () => {
      const body = (v: number, i: number) => ({
        description: '', network_id: `r${i}`, enabled: true, peer: peerId, network: `10.${100 + i}.0.0/16`, metric: v, masquerade: false, groups: [allId], keep_route: false,
      });
      await checkBound(f, {
        name: 'metric', method: 'POST', url: () => '/api/routes', body, listUrl: () => '/api/routes', stored: () => f.services.routes.list(f.main.accountId),
        inside: [1, 9999], outside: [0, 10_000, -1, 1e300],
      });
    });

    test('nameservers: port 1 to 65535', async () => {
      const body = (v: number, i: number) => ({
        name: `ns${i}`, description: '', nameservers: [{ ip: '9.9.9.9', ns_type: 'udp', port: v }], enabled: true, groups: [allId], primary: true, domains: [], search_domains_enabled: false,
      });
      await checkBound(f, {
        name: 'nameserver port', method: 'POST', url: () => '/api/dns/nameservers', body, listUrl: () => '/api/dns/nameservers',
        stored: () => f.services.nameServerGroups.list(f.main.accountId), inside: [1, 65_535], outside: [0, 65_536, -1],
      });
    });

    test('policies: ports and port ranges 1 to 65535, ranges in order', async () => {
      const rule = { name: 'r', enabled: true, action: 'accept', bidirectional: true, protocol: 'tcp', sources: [allId], destinations: [allId] };
      const stored = () => f.services.policies.list(f.main.accountId);
      await checkBound(f, {
        name: 'rule port', method: 'POST', url: () => '/api/policies', body: (v) => ({ name: 'p', enabled: true, rules: [{ ...rule, ports: [String(v)] }] }),
        listUrl: () => '/api/policies', stored, inside: [1, 65_535], outside: [0, 65_536, 1e21],
      });
      const range = (start: number, end: number) => ({ name: 'p', enabled: true, rules: [{ ...rule, port_ranges: [{ start, end }] }] });
      await checkBound(f, {
        name: 'range start', method: 'POST', url: () => '/api/policies', body: (v) => range(v, 65_535), listUrl: () => '/api/policies', stored,
        inside: [1, 65_535], outside: [0, -1, 65_536],
      });
      await checkBound(f, {
        name: 'range end', method: 'POST', url: () => '/api/policies', body: (v) => range(1, v), listUrl: () => '/api/policies', stored,
        inside: [1, 65_535], outside: [0, 65_536, PAST_JS_DATES],
      });
      await checkBound(f, {
        name: 'range order', method: 'POST', url: () => '/api/policies', body: (v) => range(100, v), listUrl: () => '/api/policies', stored,
        inside: [100], outside: [99],
      });
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
