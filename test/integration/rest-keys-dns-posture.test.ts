/**
 * Setup keys, nameserver groups, DNS settings and posture checks over the admin API on a real
 * store: CRUD with upstream shapes, the setup key shown plain once and masked afterwards,
 * serial moves where SEMANTICS.md §5.1 says maps change (and not for setup keys), invalid
 * bodies answered 400/422, another account's objects 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storeEngines } from '../conformance/store-engines.js';
import { meta, wgKey } from '../conformance/store-fixtures.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restkeys');

async function assertHiddenFromOther(f: RestFixture, url: string, body: unknown): Promise<void> {
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    const res = await f.call(method, url, { token: f.other.token, ...(method === 'PUT' ? { body } : {}) });
    assert.equal(res.status, 404, `${method} ${url}`);
    assert.ok(isErrorBody(res.json, 404), `${method} ${url}`);
  }
  assert.equal((await f.call('GET', url)).status, 200, 'still there for its owner');
}

async function assertInvalid(f: RestFixture, method: 'POST' | 'PUT', url: string, cases: [string, unknown, number][]): Promise<void> {
  const before = await f.serial();
  for (const [name, body, code] of cases) {
    const res = await f.call(method, url, { body });
    assert.equal(res.status, code, `${name}: ${JSON.stringify(res.json)}`);
    assert.ok(isErrorBody(res.json, code), name);
  }
  assert.equal(await f.serial(), before, 'rejected writes change nothing');
}

const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

for (const engine of ENGINES) {
  describe(`REST setup keys, DNS and posture checks on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let allId: string;
    before(async () => {
      f = await openRestFixture(engine);
      allId = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!.id;
    });
    after(() => f?.close());

    test('setup keys: plain once at creation, masked afterwards; revoke; delete', async () => {
      const group = await f.services.groups.create(f.main.accountId, { name: 'servers' });
      const serial = await f.serial();
      const created = await f.call('POST', '/api/setup-keys', {
        body: { name: 'ci', type: 'reusable', expires_in: 86_400, auto_groups: [group.id], usage_limit: 5, ephemeral: true },
      });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      const plain = created.json.key as string;
      assert.match(plain, UUID_UPPER);
      const id = created.json.id as string;
      assert.deepEqual({ ...created.json, id: 'x', key: 'x', expires: 'x', updated_at: 'x' }, {
        id: 'x', key: 'x', name: 'ci', expires: 'x', type: 'reusable', valid: true, revoked: false, used_times: 0,
        last_used: '0001-01-01T00:00:00Z', state: 'valid', auto_groups: [group.id], updated_at: 'x', usage_limit: 5, ephemeral: true, allow_extra_dns_labels: false,
      });
      assert.equal(Date.parse(created.json.expires) - f.deps.clock.now(), 86_400_000);

      const masked = `${plain.slice(0, 5)}****`;
      const one = await f.call('GET', `/api/setup-keys/${id}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.key, masked);
      const list = await f.call('GET', '/api/setup-keys');
      assert.equal(list.json.find((k: { id: string }) => k.id === id).key, masked);
      assert.equal(JSON.stringify(list.json).includes(plain), false, 'the plain key is never shown again');
      assert.equal(await f.serial(), serial, 'setup keys do not change maps');

      // The plain key works for enrolment (it was really the stored key).
      const enrolled = await f.services.peerLifecycle.registerPeer({ setupKey: plain, key: wgKey(), meta: meta(), sshKey: '', extraDnsLabels: [] });
      assert.equal(enrolled.peer.ephemeral, true);
      assert.equal((await f.call('GET', `/api/setup-keys/${id}`)).json.used_times, 1);

      const revoked = await f.call('PUT', `/api/setup-keys/${id}`, { body: { revoked: true, auto_groups: [] } });
      assert.equal(revoked.status, 200);
      assert.deepEqual([revoked.json.revoked, revoked.json.valid, revoked.json.state, revoked.json.auto_groups, revoked.json.key], [true, false, 'revoked', [], masked]);
      const unrevoke = await f.call('PUT', `/api/setup-keys/${id}`, { body: { revoked: false, auto_groups: [] } });
      assert.equal(unrevoke.status, 412);

      await assertHiddenFromOther(f, `/api/setup-keys/${id}`, { revoked: true, auto_groups: [] });
      assert.equal((await f.call('DELETE', `/api/setup-keys/${id}`)).status, 200);
      assert.equal((await f.call('GET', `/api/setup-keys/${id}`)).status, 404);
    });

    test('setup keys: one-off keys, never-expiring keys and invalid requests', async () => {
      const oneOff = await f.call('POST', '/api/setup-keys', { body: { name: 'once', type: 'one-off', expires_in: 0, auto_groups: [], usage_limit: 0 } });
      assert.equal(oneOff.status, 200);
      assert.equal(oneOff.json.usage_limit, 1);
      assert.equal(oneOff.json.expires, '0001-01-01T00:00:00Z', 'never expires');
      await assertInvalid(f, 'POST', '/api/setup-keys', [
        ['bad type', { name: 'k', type: 'forever', expires_in: 0, auto_groups: [], usage_limit: 0 }, 422],
        ['empty name', { name: '', type: 'reusable', expires_in: 0, auto_groups: [], usage_limit: 0 }, 422],
        ['negative expiry', { name: 'k', type: 'reusable', expires_in: -1, auto_groups: [], usage_limit: 0 }, 422],
        ['All as auto group', { name: 'k', type: 'reusable', expires_in: 0, auto_groups: [allId], usage_limit: 0 }, 422],
        ['usage limit as string', { name: 'k', type: 'reusable', expires_in: 0, auto_groups: [], usage_limit: 'none' }, 400],
      ]);
      await assertInvalid(f, 'PUT', `/api/setup-keys/${oneOff.json.id}`, [['missing auto_groups', { revoked: true }, 422]]);
      const noGroups = await f.call('POST', '/api/setup-keys', { body: { name: 'bare', type: 'reusable', expires_in: 0, usage_limit: 0 } });
      assert.deepEqual([noGroups.status, noGroups.json.auto_groups], [200, []], 'absent auto_groups are none, as upstream');
    });

    test('nameserver groups: create, list, get, update, delete', async () => {
      const body = {
        name: 'Google', description: 'public', nameservers: [{ ip: '8.8.8.8', ns_type: 'udp', port: 53 }],
        enabled: true, groups: [allId], primary: true, domains: [], search_domains_enabled: false,
      };
      let serial = await f.serial();
      const created = await f.call('POST', '/api/dns/nameservers', { body });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      assert.equal(await f.serial(), ++serial);
      const id = created.json.id as string;
      assert.deepEqual(created.json, { id, ...body });
      assert.deepEqual((await f.call('GET', '/api/dns/nameservers')).json.map((g: { id: string }) => g.id), [id]);
      assert.equal((await f.call('GET', `/api/dns/nameservers/${id}`)).json.name, 'Google');

      const match = { ...body, primary: false, domains: ['corp.example'], search_domains_enabled: true };
      const updated = await f.call('PUT', `/api/dns/nameservers/${id}`, { body: match });
      assert.equal(updated.status, 200);
      assert.deepEqual(updated.json, { id, ...match });
      assert.equal(await f.serial(), ++serial);

      await assertHiddenFromOther(f, `/api/dns/nameservers/${id}`, body);
      assert.equal((await f.call('DELETE', `/api/dns/nameservers/${id}`)).status, 200);
      assert.equal(await f.serial(), ++serial);
      assert.equal((await f.call('GET', `/api/dns/nameservers/${id}`)).status, 404);
    });

    test('nameserver groups: invalid requests', async () => {
      const body = {
        name: 'ns', description: '', nameservers: [{ ip: '1.1.1.1', ns_type: 'udp', port: 53 }],
        enabled: true, groups: [allId], primary: true, domains: [], search_domains_enabled: false,
      };
      await assertInvalid(f, 'POST', '/api/dns/nameservers', [
        ['tcp nameserver', { ...body, nameservers: [{ ip: '1.1.1.1', ns_type: 'tcp', port: 53 }] }, 422],
        ['bad ip', { ...body, nameservers: [{ ip: 'one', ns_type: 'udp', port: 53 }] }, 422],
        ['port as string', { ...body, nameservers: [{ ip: '1.1.1.1', ns_type: 'udp', port: '53' }] }, 400],
        ['primary with domains', { ...body, domains: ['a.example'] }, 422],
        ['no nameservers', { ...body, nameservers: [] }, 422],
        ['unknown group', { ...body, groups: ['nope'] }, 422],
        ['missing description', { ...body, description: undefined }, 422],
      ]);
    });

    test('DNS settings: get and update the disabled-management groups', async () => {
      const group = await f.services.groups.create(f.main.accountId, { name: 'no-dns' });
      assert.deepEqual((await f.call('GET', '/api/dns/settings')).json, { disabled_management_groups: [] });
      const serial = await f.serial();
      const put = await f.call('PUT', '/api/dns/settings', { body: { disabled_management_groups: [group.id] } });
      assert.equal(put.status, 200);
      assert.deepEqual(put.json, { disabled_management_groups: [group.id] });
      assert.equal(await f.serial(), serial + 1);
      assert.deepEqual((await f.call('GET', '/api/dns/settings')).json, { disabled_management_groups: [group.id] });
      assert.deepEqual((await f.call('GET', '/api/dns/settings', { token: f.other.token })).json, { disabled_management_groups: [] });
      await assertInvalid(f, 'PUT', '/api/dns/settings', [
        ['unknown group', { disabled_management_groups: ['nope'] }, 422],
        ['another account\'s group', { disabled_management_groups: [(await f.services.groups.list(f.other.accountId))[0]!.id] }, 422],
        ['not a list', { disabled_management_groups: 'all' }, 400],
      ]);
      const cleared = await f.call('PUT', '/api/dns/settings', { body: {} });
      assert.deepEqual([cleared.status, cleared.json], [200, { disabled_management_groups: [] }], 'absent groups are none, as upstream');
    });

    test('posture checks: create, list, get, update, delete', async () => {
      const body = {
        name: 'modern', description: 'recent client',
        checks: {
          nb_version_check: { min_version: '0.50.0' },
          os_version_check: { linux: { min_kernel_version: '5.10' }, darwin: { min_version: '14.0' } },
          geo_location_check: { locations: [{ country_code: 'DE', city_name: 'Berlin' }, { country_code: 'FR' }], action: 'allow' },
          peer_network_range_check: { ranges: ['192.168.0.0/16'], action: 'deny' },
          process_check: { processes: [{ linux_path: '/usr/bin/netbird' }] },
        },
      };
      const serial = await f.serial();
      const created = await f.call('POST', '/api/posture-checks', { body });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      const id = created.json.id as string;
      assert.deepEqual(created.json, { id, ...body });
      assert.equal(await f.serial(), serial, 'an unreferenced new check changes no map');
      assert.deepEqual((await f.call('GET', '/api/posture-checks')).json.map((c: { id: string }) => c.id), [id]);
      assert.equal((await f.call('GET', `/api/posture-checks/${id}`)).json.name, 'modern');

      const updated = await f.call('PUT', `/api/posture-checks/${id}`, { body: { name: 'modern', description: '', checks: { nb_version_check: { min_version: '0.55.0' } } } });
      assert.equal(updated.status, 200);
      assert.deepEqual(updated.json.checks, { nb_version_check: { min_version: '0.55.0' } });
      assert.equal(await f.serial(), serial + 1);

      // In use by a policy: deletion is refused.
      const rule = { name: 'r', enabled: true, action: 'accept', bidirectional: true, protocol: 'all', sources: [allId], destinations: [allId] };
      const policy = await f.call('POST', '/api/policies', { body: { name: 'gated', enabled: true, source_posture_checks: [id], rules: [rule] } });
      assert.equal(policy.status, 200);
      assert.deepEqual(policy.json.source_posture_checks, [id]);
      const refused = await f.call('DELETE', `/api/posture-checks/${id}`);
      assert.equal(refused.status, 412);
      assert.ok(isErrorBody(refused.json, 412));
      assert.equal((await f.call('DELETE', `/api/policies/${policy.json.id}`)).status, 200);

      await assertHiddenFromOther(f, `/api/posture-checks/${id}`, body);
      assert.equal((await f.call('DELETE', `/api/posture-checks/${id}`)).status, 200);
      assert.equal((await f.call('GET', `/api/posture-checks/${id}`)).status, 404);
    });

    test('posture checks: invalid requests', async () => {
      await f.call('POST', '/api/posture-checks', { body: { name: 'taken', description: '', checks: { nb_version_check: { min_version: '0.1.0' } } } });
      await assertInvalid(f, 'POST', '/api/posture-checks', [
        ['no checks', { name: 'c', description: '' }, 422],
        ['empty name', { name: '', description: '', checks: { nb_version_check: { min_version: '0.1.0' } } }, 422],
        ['bad version', { name: 'c', description: '', checks: { nb_version_check: { min_version: 'latest!' } } }, 422],
        ['bad action', { name: 'c', description: '', checks: { peer_network_range_check: { ranges: ['10.0.0.0/8'], action: 'maybe' } } }, 422],
        ['bad country', { name: 'c', description: '', checks: { geo_location_check: { locations: [{ country_code: 'Germany' }], action: 'allow' } } }, 422],
        ['checks as list', { name: 'c', description: '', checks: [] }, 400],
        ['duplicate name', { name: 'taken', description: '', checks: { nb_version_check: { min_version: '0.1.0' } } }, 409],
      ]);
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
