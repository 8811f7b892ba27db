/**
 * Upstream's roles through the real admin API (IDENTITY.md §3.2–3.4): a user of each role
 * calls one endpoint per module and operation and gets exactly what the matrix grants; the
 * `permissions` of `GET /api/users/current`; blocked and pending users; upstream's rules for
 * one user changing another (self-block, own role, the owner, ownership transfer) and for
 * personal access tokens.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { User, UserRole } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restroles');

type Op = 'create' | 'read' | 'update' | 'delete';
type Grant = 'CRUD' | 'R' | '-';

/** IDENTITY.md §3.3, as the spec prints it (owner, admin, auditor, network_admin, user). */
const SPEC: Record<string, [Grant, Grant, Grant, Grant, Grant]> = {
  groups: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  dns: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  nameservers: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  policies: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  routes: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  pats: ['CRUD', 'CRUD', 'R', 'CRUD', '-'],
  peers: ['CRUD', 'CRUD', 'R', 'R', '-'],
  settings: ['CRUD', 'CRUD', 'R', 'R', '-'],
  users: ['CRUD', 'CRUD', 'R', 'R', '-'],
  setup_keys: ['CRUD', 'CRUD', 'R', 'R', '-'],
  accounts: ['CRUD', 'R', 'R', 'R', '-'],
};
const ROLE_COLUMN: Record<string, number> = { owner: 0, admin: 1, auditor: 2, network_admin: 3, user: 4 };
const LETTER: Record<Op, string> = { create: 'C', read: 'R', update: 'U', delete: 'D' };

interface Member {
  readonly user: User;
  readonly token: string;
}

/**
 * One call per module and operation, shaped so an allowed call has no lasting effect: reads
 * answer 200, creates carry a body the domain refuses (422), updates and deletes name a
 * missing object (404). A refused call is 403 whatever the body.
 */
function probes(f: RestFixture, self: Member): [module: string, op: Op, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body: unknown, allowedStatus: number][] {
  const nope = 'd0000000000000000000';
  const ns = { name: '', description: '', nameservers: [{ ip: '1.1.1.1', ns_type: 'udp', port: 53 }], enabled: true, groups: [], primary: true, domains: [], search_domains_enabled: false };
  const route = { description: '', network_id: 'n', enabled: true, peer: 'p', network: '10.0.0.0/24', domains: ['a.example'], metric: 1, masquerade: false, groups: [], keep_route: false };
  const settings = { peer_login_expiration_enabled: false, peer_login_expiration: 1, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: true };
  return [
    ['groups', 'read', 'GET', '/api/groups', undefined, 200],
    ['groups', 'create', 'POST', '/api/groups', { name: '' }, 422],
    ['groups', 'update', 'PUT', `/api/groups/${nope}`, { name: 'x' }, 404],
    ['groups', 'delete', 'DELETE', `/api/groups/${nope}`, undefined, 404],
    ['policies', 'read', 'GET', '/api/policies', undefined, 200],
    ['policies', 'read', 'GET', '/api/posture-checks', undefined, 200],
    ['policies', 'read', 'GET', '/api/locations/countries', undefined, 200],
    ['policies', 'create', 'POST', '/api/policies', { name: '', enabled: true, rules: [] }, 422],
    ['policies', 'create', 'POST', '/api/posture-checks', { name: 'c', description: '' }, 422],
    ['policies', 'update', 'PUT', `/api/policies/${nope}`, { name: '', enabled: true, rules: [] }, 422],
    ['policies', 'delete', 'DELETE', `/api/posture-checks/${nope}`, undefined, 404],
    ['routes', 'read', 'GET', '/api/routes', undefined, 200],
    ['routes', 'create', 'POST', '/api/routes', route, 422],
    ['routes', 'update', 'PUT', `/api/routes/${nope}`, route, 422],
    ['routes', 'delete', 'DELETE', `/api/routes/${nope}`, undefined, 404],
    ['nameservers', 'read', 'GET', '/api/dns/nameservers', undefined, 200],
    ['nameservers', 'create', 'POST', '/api/dns/nameservers', ns, 422],
    ['nameservers', 'update', 'PUT', `/api/dns/nameservers/${nope}`, ns, 404],
    ['nameservers', 'delete', 'DELETE', `/api/dns/nameservers/${nope}`, undefined, 404],
    ['dns', 'read', 'GET', '/api/dns/settings', undefined, 200],
    ['dns', 'update', 'PUT', '/api/dns/settings', { disabled_management_groups: [nope] }, 422],
    ['dns', 'read', 'GET', '/api/dns/zones', undefined, 200],
    ['dns', 'create', 'POST', '/api/dns/zones', { name: '', domain: 'zone.example', enable_search_domain: false, distribution_groups: [nope] }, 422],
    ['dns', 'update', 'PUT', `/api/dns/zones/${nope}`, { name: 'z', domain: 'zone.example', enable_search_domain: false, distribution_groups: [nope] }, 404],
    ['dns', 'delete', 'DELETE', `/api/dns/zones/${nope}/records/${nope}`, undefined, 404],
    ['peers', 'update', 'PUT', `/api/peers/${nope}`, { name: 'x', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false }, 404],
    ['peers', 'delete', 'DELETE', `/api/peers/${nope}`, undefined, 404],
    ['settings', 'update', 'PUT', `/api/accounts/${f.main.accountId}`, { settings }, 422],
    ['accounts', 'read', 'GET', '/api/accounts', undefined, 200],
    ['users', 'create', 'POST', '/api/users', { role: 'emperor', auto_groups: [], is_service_user: true }, 422],
    ['users', 'create', 'PUT', `/api/users/${nope}`, { role: 'user', auto_groups: [], is_blocked: false }, 404],
    ['users', 'delete', 'DELETE', `/api/users/${nope}`, undefined, 404],
    ['setup_keys', 'read', 'GET', '/api/setup-keys', undefined, 200],
    ['setup_keys', 'create', 'POST', '/api/setup-keys', { name: '', type: 'reusable', expires_in: 0, auto_groups: [], usage_limit: 0 }, 422],
    ['setup_keys', 'update', 'PUT', `/api/setup-keys/${nope}`, { revoked: false, auto_groups: [] }, 404],
    ['setup_keys', 'delete', 'DELETE', `/api/setup-keys/${nope}`, undefined, 404],
    ['pats', 'read', 'GET', `/api/users/${self.user.id}/tokens`, undefined, 200],
    ['pats', 'create', 'POST', `/api/users/${self.user.id}/tokens`, { name: 'probe', expires_in: 1 }, 200],
    ['pats', 'delete', 'DELETE', `/api/users/${self.user.id}/tokens/${nope}`, undefined, 404],
  ];
}

for (const engine of ENGINES) {
  describe(`REST roles on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    const members = new Map<string, Member>();
    const member = (name: string): Member => members.get(name)!;

    /** A user of `role` with a token, made through the domain (not the API under test). */
    async function addMember(name: string, role: UserRole, isServiceUser = false): Promise<Member> {
      const user = await f.services.users.create(f.main.accountId, { name, email: `${name}@example.com`, role, autoGroups: [], isServiceUser });
      const { plainToken } = await f.services.tokens.create(f.main.accountId, user.id, { name: 't', expiresInDays: 30 });
      const m = { user, token: plainToken };
      members.set(name, m);
      return m;
    }

    before(async () => {
      f = await openRestFixture(engine);
      members.set('owner', { user: await f.services.users.get(f.main.accountId, f.main.ownerId), token: f.main.token });
      for (const role of ['admin', 'auditor', 'network_admin', 'user', 'billing_admin'] as const) await addMember(role, role);
      await addMember('bot', 'user', true);
    });
    after(() => f?.close());

    test('each role gets exactly what the matrix grants, module by module', async () => {
      for (const role of ['owner', 'admin', 'auditor', 'network_admin', 'user']) {
        const m = member(role);
        for (const [module, op, method, url, body, allowedStatus] of probes(f, m)) {
          const allowed = SPEC[module]![ROLE_COLUMN[role]!]!.includes(LETTER[op]);
          const res = await f.call(method, url, { token: m.token, ...(body === undefined ? {} : { body }) });
          const where = `${role} ${method} ${url} (${module}.${op})`;
          if (allowed) assert.equal(res.status, allowedStatus, `${where}: ${JSON.stringify(res.json)}`);
          else assert.deepEqual([res.status, res.json], [403, { message: 'permission denied', code: 403 }], where);
        }
      }
    });

    test('without users.read or peers.read one sees oneself and one\'s own peers', async () => {
      const m = member('user');
      const users = await f.call('GET', '/api/users', { token: m.token });
      assert.deepEqual([users.status, users.json.map((u: { id: string }) => u.id)], [200, [m.user.id]]);
      const peers = await f.call('GET', '/api/peers', { token: m.token });
      assert.deepEqual([peers.status, peers.json], [200, []]);
      const all = await f.call('GET', '/api/users', { token: member('network_admin').token });
      assert.ok(all.json.length >= 7, 'network admins read every user');
    });

    test('a role without matrix entry fails every checked call', async () => {
      const { token } = member('billing_admin');
      const message = 'failed to validate user permissions: user role: billing_admin not found';
      for (const url of ['/api/groups', '/api/users', '/api/peers', '/api/accounts']) {
        const res = await f.call('GET', url, { token });
        assert.deepEqual([res.status, res.json], [403, { message, code: 403 }], url);
      }
      const current = await f.call('GET', '/api/users/current', { token });
      assert.equal(current.status, 200);
      assert.deepEqual(current.json.permissions, { is_restricted: true, modules: {} });
    });

    test('service users read everything but write only as their role allows', async () => {
      const { token } = member('bot');
      for (const url of ['/api/groups', '/api/setup-keys', '/api/users', '/api/accounts']) assert.equal((await f.call('GET', url, { token })).status, 200, url);
      assert.equal((await f.call('POST', '/api/groups', { token, body: { name: '' } })).status, 403);
      const current = await f.call('GET', '/api/users/current', { token });
      assert.deepEqual([current.status, current.json], [403, { message: 'permission denied', code: 403 }]);
    });

    test('GET /api/users/current carries the 16 modules of the caller\'s role', async () => {
      const modules = ['networks', 'peers', 'groups', 'settings', 'accounts', 'dns', 'nameservers', 'events', 'policies', 'routes', 'users', 'setup_keys',
        'pats', 'identity_providers', 'remote_jobs', 'services'];
      const crud = (c: boolean, r: boolean, u: boolean, d: boolean) => ({ create: c, read: r, update: u, delete: d });
      const cases: [string, Record<string, ReturnType<typeof crud>>, boolean][] = [
        ['owner', { accounts: crud(true, true, true, true), services: crud(true, true, true, true) }, false],
        ['admin', { accounts: crud(false, true, false, false), users: crud(true, true, true, true) }, false],
        ['auditor', { groups: crud(false, true, false, false), pats: crud(false, true, false, false) }, false],
        ['network_admin', { routes: crud(true, true, true, true), peers: crud(false, true, false, false), remote_jobs: crud(false, false, false, false) }, false],
        ['user', { peers: crud(false, false, false, false), pats: crud(false, false, false, false) }, true],
      ];
      for (const [role, some, restricted] of cases) {
        const res = await f.call('GET', '/api/users/current', { token: member(role).token });
        assert.equal(res.status, 200, role);
        assert.equal(res.json.id, member(role).user.id);
        assert.equal(res.json.is_current, true);
        assert.deepEqual(Object.keys(res.json.permissions.modules).sort(), [...modules].sort(), role);
        for (const [module, ops] of Object.entries(some)) assert.deepEqual(res.json.permissions.modules[module], ops, `${role} ${module}`);
        assert.equal(res.json.permissions.is_restricted, restricted, role);
      }
      await f.call('PUT', `/api/accounts/${f.main.accountId}`, {
        body: { settings: { peer_login_expiration_enabled: false, peer_login_expiration: 86_400, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: false } },
      });
      const open = await f.call('GET', '/api/users/current', { token: member('user').token });
      assert.equal(open.json.permissions.is_restricted, false, 'not restricted when the account lets regular users see peers');
    });

    test('blocked and pending users: upstream\'s messages, on checked calls and on /users/current', async () => {
      const blocked = await addMember('blocked', 'admin');
      const pending = await addMember('pending', 'user');
      await f.store.repos.users.update({ ...blocked.user, blocked: true });
      await f.store.repos.users.update({ ...pending.user, blocked: true, pendingApproval: true });
      const cases: [Member, string][] = [
        [blocked, 'failed to validate user permissions: user is blocked'],
        [pending, 'failed to validate user permissions: user is pending approval'],
      ];
      for (const [m, message] of cases) {
        for (const [method, url] of [['GET', '/api/groups'], ['GET', '/api/users'], ['GET', '/api/peers'], ['POST', `/api/users/${m.user.id}/tokens`]] as const) {
          const res = await f.call(method, url, { token: m.token, ...(method === 'POST' ? { body: { name: 'x', expires_in: 1 } } : {}) });
          assert.deepEqual([res.status, res.json], [403, { message, code: 403 }], `${m.user.name} ${url}`);
        }
        const current = await f.call('GET', '/api/users/current', { token: m.token });
        assert.deepEqual([current.status, current.json], [403, { message: 'user is blocked', code: 403 }], m.user.name);
      }
    });

    test('PUT /api/users/{id}: upstream\'s rules, nothing changed when refused', async () => {
      const owner = member('owner');
      const admin = member('admin');
      const put = (m: Member, id: string, body: unknown) => f.call('PUT', `/api/users/${id}`, { token: m.token, body });
      const cases: [string, Member, string, unknown, number, string][] = [
        ['owner blocks self', owner, owner.user.id, { role: 'owner', auto_groups: [], is_blocked: true }, 403, "admins can't block or unblock themselves"],
        ['owner changes own role', owner, owner.user.id, { role: 'admin', auto_groups: [], is_blocked: false }, 403, "admins can't change their role"],
        ['admin blocks self', admin, admin.user.id, { role: 'admin', auto_groups: [], is_blocked: true }, 403, "admins can't block or unblock themselves"],
        ['admin changes own role', admin, admin.user.id, { role: 'user', auto_groups: [], is_blocked: false }, 403, "admins can't change their role"],
        ['admin demotes the owner', admin, owner.user.id, { role: 'admin', auto_groups: [], is_blocked: false }, 403, 'only owners can remove owner role from their user'],
        ['admin blocks the owner', admin, owner.user.id, { role: 'owner', auto_groups: [], is_blocked: true }, 403, 'unable to block owner user'],
        ['admin grants owner', admin, member('auditor').user.id, { role: 'owner', auto_groups: [], is_blocked: false }, 403, 'only owners can add owner role to other users'],
        ['service user made owner', owner, member('bot').user.id, { role: 'owner', auto_groups: [], is_blocked: false }, 403, "can't update a service user with owner role"],
        ['unknown auto group', admin, member('auditor').user.id, { role: 'auditor', auto_groups: ['nope'], is_blocked: false }, 422,
          `provided group ID nope in the user ${member('auditor').user.id} update doesn't exist`],
        ['All as auto group', admin, member('auditor').user.id, { role: 'auditor', auto_groups: [(await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!.id], is_blocked: false },
          422, "can't add All group to the user"],
        ['network admin has no users.create', member('network_admin'), member('auditor').user.id, { role: 'admin', auto_groups: [], is_blocked: false }, 403, 'permission denied'],
      ];
      const before = JSON.stringify(await f.services.users.list(f.main.accountId));
      const serial = await f.serial();
      for (const [name, m, id, body, status, message] of cases) {
        const res = await put(m, id, body);
        assert.deepEqual([res.status, res.json], [status, { message, code: status }], name);
      }
      assert.equal(JSON.stringify(await f.services.users.list(f.main.accountId)), before, 'no user changed');
      assert.equal(await f.serial(), serial);

      const promoted = await put(admin, member('auditor').user.id, { role: 'network_admin', auto_groups: [], is_blocked: true });
      assert.deepEqual([promoted.status, promoted.json.role, promoted.json.is_blocked], [200, 'network_admin', true], 'an admin changes other users');
      await put(admin, member('auditor').user.id, { role: 'auditor', auto_groups: [], is_blocked: false });
    });

    test('DELETE /api/users/{id}: not oneself, never the owner', async () => {
      const admin = member('admin');
      const self = await f.call('DELETE', `/api/users/${admin.user.id}`, { token: admin.token });
      assert.deepEqual([self.status, self.json], [422, { message: 'self deletion is not allowed', code: 422 }]);
      const owner = await f.call('DELETE', `/api/users/${f.main.ownerId}`, { token: admin.token });
      assert.deepEqual([owner.status, owner.json], [403, { message: "can't delete a user with the owner role", code: 403 }]);
      assert.equal((await f.services.users.list(f.main.accountId)).some((u) => u.id === admin.user.id), true);
    });

    test('personal access tokens: pats grant, then oneself or (owner/admin) a service user', async () => {
      const bot = member('bot');
      const body = { name: 'k', expires_in: 5 };
      const cases: [string, string, string, number, string | undefined][] = [
        ['network admin, own token', 'network_admin', member('network_admin').user.id, 200, undefined],
        ['network admin, a service user', 'network_admin', bot.user.id, 403, 'admin role required to perform this action'],
        ['admin, a service user', 'admin', bot.user.id, 200, undefined],
        ['owner, a service user', 'owner', bot.user.id, 200, undefined],
        ['admin, another human', 'admin', member('auditor').user.id, 403, 'admin role required to perform this action'],
        ['auditor, own token', 'auditor', member('auditor').user.id, 403, 'permission denied'],
        ['user, own token', 'user', member('user').user.id, 403, 'permission denied'],
      ];
      for (const [name, role, target, status, message] of cases) {
        const before = (await f.services.tokens.list(f.main.accountId, target)).length;
        const res = await f.call('POST', `/api/users/${target}/tokens`, { token: member(role).token, body });
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.json)}`);
        if (message !== undefined) assert.deepEqual(res.json, { message, code: status }, name);
        assert.equal((await f.services.tokens.list(f.main.accountId, target)).length, before + (status === 200 ? 1 : 0), name);
      }
      const invalid = await f.call('POST', `/api/users/${member('user').user.id}/tokens`, { token: member('user').token, body: { name: 'k', expires_in: 0 } });
      assert.deepEqual([invalid.status, invalid.json], [422, { message: 'expiration has to be between 1 and 365', code: 422 }], 'validated before the rights, as upstream');
      const auditorReads = await f.call('GET', `/api/users/${member('auditor').user.id}/tokens`, { token: member('auditor').token });
      assert.equal(auditorReads.status, 200, 'auditors read their own tokens');
    });

    test('an owner granting owner hands the role over and becomes an admin', async () => {
      const heir = await addMember('heir', 'admin');
      const serial = await f.serial();
      const res = await f.call('PUT', `/api/users/${heir.user.id}`, { body: { role: 'owner', auto_groups: [], is_blocked: false } });
      assert.deepEqual([res.status, res.json.role], [200, 'owner']);
      assert.equal((await f.services.users.get(f.main.accountId, f.main.ownerId)).role, 'admin');
      assert.equal((await f.services.users.list(f.main.accountId)).filter((u) => u.role === 'owner').length, 1, 'one owner');
      assert.equal(await f.serial(), serial + 1);
      const demoted = await f.call('GET', '/api/users/current');
      assert.equal(demoted.json.permissions.modules.accounts.update, false, 'the former owner now has the admin grants');
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
