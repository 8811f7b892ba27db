/**
 * The audit log through the admin API (inject, real store per engine): every mutation kind the
 * API offers records upstream's event(s) — activity code and message, initiator (the PAT's user,
 * with name and e-mail), target and meta — and a refused request records nothing. Listing is per
 * account, newest first, with optional filters and pages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Peer } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { openRestFixture, type RestFixture } from './rest-fixture.js';
import type { ApiEvent } from '../../src/rest/to-api/event.js';
import { followAuditLog } from '../harness/audit-events.js';

const ENGINES = await storeEngines('auditrest');


for (const engine of ENGINES) {
  describe(`audit log over REST on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let owner: { id: string; name: string; email: string };
    let p1: Peer;

    const audit = followAuditLog(
      () => f,
      () => owner,
      (e) => {
        assert.match(e.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        assert.ok(Object.values(e.meta).every((v) => typeof v === 'string'), 'meta values are text');
      },
    );
    const { fresh, expectEvents } = audit;

    before(async () => {
      f = await openRestFixture(engine);
      const o = await f.services.users.get(f.main.accountId, f.main.ownerId);
      owner = { id: o.id, name: o.name, email: o.email };
      p1 = await f.addPeer(f.main.accountId, 'laptop-one');
      await fresh();
    });
    after(() => f.close());

    test('a peer enrolled with a setup key: initiated by the key, peer meta and key name', async () => {
      const before = audit.seen;
      const peer = await f.addPeer(f.main.accountId, 'srv-two');
      const res = await f.call('GET', '/api/events/audit');
      const added = (res.json as ApiEvent[]).filter((e) => Number(e.id) > before);
      assert.deepEqual(added.map((e) => e.activity_code), ['peer.setupkey.add']);
      const [e] = added;
      const key = (await f.services.setupKeys.list(f.main.accountId)).find((k) => k.name === 'peers')!;
      assert.equal(e!.activity, 'Peer added');
      assert.equal(e!.initiator_id, key.id);
      assert.equal(e!.initiator_name, '');
      assert.equal(e!.initiator_email, '');
      assert.equal(e!.target_id, peer.id);
      assert.equal(e!.meta['name'], 'srv-two');
      assert.equal(e!.meta['ip'], peer.ip);
      assert.equal(e!.meta['fqdn'], `${peer.dnsLabel}.netbird.selfhosted`);
      assert.equal(e!.meta['setup_key_name'], 'peers');
      assert.equal(e!.meta['location_geo_name_id'], '0');
      await fresh();
    });

    test('groups: created, peers added and removed, deleted', async () => {
      const [created] = await expectEvents(() => f.call('POST', '/api/groups', { body: { name: 'eng', peers: [] } }), ['group.add']);
      const id = created!.target_id;
      assert.equal(created!.activity, 'Group created');
      assert.deepEqual(created!.meta, { name: 'eng' });
      const [added] = await expectEvents(() => f.call('PUT', `/api/groups/${id}`, { body: { name: 'eng', peers: [p1.id] } }), ['peer.group.add']);
      assert.equal(added!.target_id, p1.id);
      assert.deepEqual(added!.meta, { group: 'eng', group_id: id, peer_ip: p1.ip, peer_fqdn: `${p1.dnsLabel}.netbird.selfhosted` });
      await expectEvents(() => f.call('PUT', `/api/groups/${id}`, { body: { name: 'eng2', peers: [p1.id] } }), []);
      await expectEvents(() => f.call('PUT', `/api/groups/${id}`, { body: { name: 'eng2', peers: [] } }), ['peer.group.delete']);
      const [deleted] = await expectEvents(() => f.call('DELETE', `/api/groups/${id}`), ['group.delete']);
      assert.equal(deleted!.target_id, id);
    });

    test('a refused mutation records nothing', async () => {
      assert.equal((await f.call('POST', '/api/groups', { body: { name: '' } })).status, 422);
      assert.equal((await f.call('DELETE', '/api/policies/nope')).status, 404);
      assert.deepEqual(await fresh(), []);
    });

    test('policies, routes, nameserver groups, posture checks: created, updated, deleted', async () => {
      const all = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!;
      const rule = { name: 'ssh', enabled: true, action: 'accept', bidirectional: false, protocol: 'tcp', ports: ['22'], sources: [all.id], destinations: [all.id] };
      const [p] = await expectEvents(() => f.call('POST', '/api/policies', { body: { name: 'ssh only', enabled: true, rules: [rule] } }), ['policy.add']);
      assert.deepEqual(p!.meta, { name: 'ssh only' });
      await expectEvents(() => f.call('PUT', `/api/policies/${p!.target_id}`, { body: { name: 'ssh', enabled: true, rules: [rule] } }), ['policy.update']);
      await expectEvents(() => f.call('DELETE', `/api/policies/${p!.target_id}`), ['policy.delete']);

      const route = { description: 'office', network_id: 'office', enabled: true, peer: p1.id, network: '10.10.0.0/16', metric: 100, masquerade: true, groups: [all.id], keep_route: false };
      const [r] = await expectEvents(() => f.call('POST', '/api/routes', { body: route }), ['route.add']);
      assert.deepEqual(r!.meta, { name: 'office', network_range: '10.10.0.0/16', domains: '', peer_id: p1.id, peer_groups: '<nil>' });
      await expectEvents(() => f.call('PUT', `/api/routes/${r!.target_id}`, { body: { ...route, metric: 200 } }), ['route.update']);
      await expectEvents(() => f.call('DELETE', `/api/routes/${r!.target_id}`), ['route.delete']);

      const ns = { name: 'Google', description: '', nameservers: [{ ip: '8.8.8.8', ns_type: 'udp', port: 53 }], enabled: true, groups: [all.id], primary: true, domains: [], search_domains_enabled: false };
      const [n] = await expectEvents(() => f.call('POST', '/api/dns/nameservers', { body: ns }), ['nameserver.group.add']);
      await expectEvents(() => f.call('PUT', `/api/dns/nameservers/${n!.target_id}`, { body: { ...ns, name: 'G' } }), ['nameserver.group.update']);
      await expectEvents(() => f.call('DELETE', `/api/dns/nameservers/${n!.target_id}`), ['nameserver.group.delete']);

      const check = { name: 'min', description: '', checks: { nb_version_check: { min_version: '0.30.0' } } };
      const [c] = await expectEvents(() => f.call('POST', '/api/posture-checks', { body: check }), ['posture.check.create']);
      assert.equal(c!.activity, 'Posture check created');
      await expectEvents(() => f.call('PUT', `/api/posture-checks/${c!.target_id}`, { body: { ...check, name: 'min2' } }), ['posture.check.update']);
      await expectEvents(() => f.call('DELETE', `/api/posture-checks/${c!.target_id}`), ['posture.check.delete']);
    });

    test('DNS settings and account settings', async () => {
      const group = (await f.call('POST', '/api/groups', { body: { name: 'unmanaged' } })).json as { id: string };
      await fresh();
      const [add] = await expectEvents(() => f.call('PUT', '/api/dns/settings', { body: { disabled_management_groups: [group.id] } }), ['dns.setting.disabled.management.group.add']);
      assert.equal(add!.target_id, f.main.accountId);
      assert.deepEqual(add!.meta, { group: 'unmanaged', group_id: group.id });
      await expectEvents(() => f.call('PUT', '/api/dns/settings', { body: {} }), ['dns.setting.disabled.management.group.delete']);
      const account = await f.services.accounts.get(f.main.accountId);
      const s = account.settings;
      const settings = {
        peer_login_expiration_enabled: s.peerLoginExpirationEnabled, peer_login_expiration: s.peerLoginExpiration + 3600,
        peer_inactivity_expiration_enabled: s.peerInactivityExpirationEnabled, peer_inactivity_expiration: s.peerInactivityExpiration,
        regular_users_view_blocked: s.regularUsersViewBlocked, dns_domain: 'corp.example',
      };
      const events = await expectEvents(() => f.call('PUT', `/api/accounts/${f.main.accountId}`, { body: { settings } }), [
        'account.setting.peer.login.expiration.update',
        'account.dns.domain.update',
      ]);
      assert.deepEqual(events[1]!.meta, { old_dns_domain: '', new_dns_domain: 'corp.example' });
      await expectEvents(() => f.call('PUT', `/api/accounts/${f.main.accountId}`, { body: { settings: { ...settings, dns_domain: '' } } }), ['account.dns.domain.update']);
    });

    test('setup keys: created with groups, revoked, deleted', async () => {
      const group = (await f.call('POST', '/api/groups', { body: { name: 'servers' } })).json as { id: string };
      await fresh();
      const body = { name: 'srv', type: 'reusable', expires_in: 0, auto_groups: [group.id], usage_limit: 0 };
      const [created, grouped] = await expectEvents(() => f.call('POST', '/api/setup-keys', { body }), ['setupkey.add', 'setupkey.group.add']);
      const id = created!.target_id;
      assert.equal(created!.meta['name'], 'srv');
      assert.equal(created!.meta['type'], 'reusable');
      assert.match(created!.meta['key']!, /^[0-9A-F]{5}\*\*\*\*$/);
      assert.deepEqual(grouped!.meta, { group: 'servers', group_id: group.id, setupkey: 'srv' });
      await expectEvents(() => f.call('PUT', `/api/setup-keys/${id}`, { body: { revoked: true, auto_groups: [] } }), ['setupkey.revoke', 'setupkey.group.delete']);
      await expectEvents(() => f.call('DELETE', `/api/setup-keys/${id}`), ['setupkey.delete']);
    });

    test('peers: SSH enabled and renamed (upstream targets), deleted', async () => {
      const peer = await f.addPeer(f.main.accountId, 'victim');
      await fresh();
      const [ssh, renamed] = await expectEvents(
        () => f.call('PUT', `/api/peers/${peer.id}`, { body: { name: 'renamed', ssh_enabled: true, login_expiration_enabled: false, inactivity_expiration_enabled: false } }),
        ['peer.ssh.enable', 'peer.rename'],
      );
      assert.equal(ssh!.target_id, peer.ip, 'upstream names the peer by its IP here');
      assert.equal(renamed!.target_id, peer.id);
      assert.equal(renamed!.meta['name'], 'renamed');
      const [deleted] = await expectEvents(() => f.call('DELETE', `/api/peers/${peer.id}`), ['user.peer.delete']);
      assert.equal(deleted!.activity, 'Peer deleted');
      assert.equal(deleted!.target_id, peer.id);
      assert.equal(deleted!.meta['name'], 'renamed');
    });

    test('users and tokens: service user created, role and groups, blocked, token created and deleted, user deleted', async () => {
      const group = (await f.call('POST', '/api/groups', { body: { name: 'bots' } })).json as { id: string };
      await fresh();
      const [created] = await expectEvents(() => f.call('POST', '/api/users', { body: { name: 'robot', role: 'user', auto_groups: [], is_service_user: true } }), ['service.user.create']);
      const id = created!.target_id;
      assert.equal(created!.meta['name'], 'robot');
      assert.equal(created!.meta['username'], 'robot', 'the target user is named at read time');
      const [role, grp] = await expectEvents(
        () => f.call('PUT', `/api/users/${id}`, { body: { role: 'admin', auto_groups: [group.id], is_blocked: false } }),
        ['user.role.update', 'user.group.add'],
      );
      assert.equal(role!.target_id, id);
      assert.equal(grp!.meta['group'], 'bots');
      assert.equal(grp!.meta['is_service_user'], 'true');
      assert.equal(grp!.meta['user_name'], 'robot');
      await expectEvents(() => f.call('PUT', `/api/users/${id}`, { body: { role: 'admin', auto_groups: [group.id], is_blocked: true } }), ['user.block']);
      await expectEvents(() => f.call('PUT', `/api/users/${id}`, { body: { role: 'admin', auto_groups: [group.id], is_blocked: false } }), ['user.unblock']);
      const [tok] = await expectEvents(() => f.call('POST', `/api/users/${id}/tokens`, { body: { name: 'ci', expires_in: 30 } }), ['personal.access.token.create']);
      assert.equal(tok!.target_id, id);
      assert.equal(tok!.meta['name'], 'ci');
      const tokenId = ((await f.call('GET', `/api/users/${id}/tokens`)).json as { id: string }[])[0]!.id;
      await expectEvents(() => f.call('DELETE', `/api/users/${id}/tokens/${tokenId}`), ['personal.access.token.delete']);
      const [deleted] = await expectEvents(() => f.call('DELETE', `/api/users/${id}`), ['service.user.delete']);
      assert.equal(deleted!.meta['name'], 'robot');
      assert.match(deleted!.meta['created_at']!, /Z$/);
    });

    test('listing: per account, /api/events too, filters and pages with X-Total-Count', async () => {
      const mine = (await f.call('GET', '/api/events/audit')).json as ApiEvent[];
      assert.ok(mine.length > 20);
      const ids = mine.map((e) => Number(e.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
      assert.deepEqual((await f.call('GET', '/api/events')).json, mine);
      const theirs = (await f.call('GET', '/api/events/audit', { token: f.other.token })).json as ApiEvent[];
      assert.ok(theirs.every((e) => !ids.includes(Number(e.id))), 'no event of another account');

      const page = await f.app.inject({ method: 'GET', url: '/api/events/audit?page=2&page_size=3', headers: { authorization: `Token ${f.main.token}` } });
      assert.equal(page.statusCode, 200);
      assert.deepEqual((JSON.parse(page.body) as ApiEvent[]).map((e) => e.id), mine.slice(3, 6).map((e) => e.id));
      assert.equal(page.headers['x-total-count'], String(mine.length));
      const groups = (await f.call('GET', '/api/events/audit?activity_code=group.add')).json as ApiEvent[];
      assert.deepEqual(groups.map((e) => e.id), mine.filter((e) => e.activity_code === 'group.add').map((e) => e.id));
      const target = (await f.call('GET', `/api/events/audit?target_id=${p1.id}`)).json as ApiEvent[];
      assert.ok(target.length > 0 && target.every((e) => e.target_id === p1.id));
      const search = (await f.call('GET', '/api/events/audit?search=ROBOT')).json as ApiEvent[];
      assert.ok(search.length >= 3 && search.every((e) => JSON.stringify(e).toLowerCase().includes('robot')));
      const future = (await f.call('GET', '/api/events/audit?start_date=2100-01-01')).json as ApiEvent[];
      assert.deepEqual(future, []);
      for (const bad of ['page=0', 'page_size=abc', 'activity_code=nope', 'start_date=soon']) {
        assert.equal((await f.call('GET', `/api/events/audit?${bad}`)).status, 422, bad);
      }
      assert.equal((await f.call('GET', '/api/events/audit', { token: null })).status, 401);
    });
  });
}
