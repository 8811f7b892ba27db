/**
 * The official dashboard's load sequence against the embedded IdP (IDENTITY.md §6, read call by
 * call from netbirdio/dashboard): instance check and setup without credentials, discovery and
 * sign-in as its OIDC library does them, then — with the dashboard's access token, from its
 * origin — the calls its providers and main pages make, each answer checked for the shape the
 * dashboard reads. A 404 or a missing field here is a dashboard error screen.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
const kindOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Each named field has the kind given; names the path of the first that does not. */
function assertShape(value: unknown, shape: Record<string, Kind>, where: string): void {
  assert.equal(kindOf(value), 'object', `${where} is not an object`);
  for (const [key, kind] of Object.entries(shape)) assert.equal(kindOf((value as Record<string, unknown>)[key]), kind, `${where}.${key}`);
}

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };
const ORIGIN = 'https://dashboard.example';
const USER_SHAPE: Record<string, Kind> = { id: 'string', email: 'string', name: 'string', role: 'string', status: 'string', auto_groups: 'array', is_current: 'boolean', is_service_user: 'boolean', is_blocked: 'boolean', last_login: 'string' };
/** The modules the dashboard's PermissionsProvider reads (absent ones default to all-false). */
const MODULES = ['peers', 'groups', 'setup_keys', 'policies', 'networks', 'routes', 'nameservers', 'dns', 'users', 'pats', 'events', 'settings', 'accounts', 'identity_providers'];

test('the dashboard\'s load sequence with an embedded-IdP token: every call answers, in the shape the dashboard reads', async (t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  // From the dashboard's origin: every answer must carry the CORS grant or the browser drops it.
  const call = async (path: string, token?: string, init: RequestInit = {}) => {
    const res = await api(s.base, path, token, { ...init, headers: { origin: ORIGIN, ...(init.headers as Record<string, string>) } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*', `CORS on ${path}`);
    const text = await res.text();
    assert.equal(res.status, 200, `${path}: ${text}`);
    return JSON.parse(text) as unknown;
  };

  // 1–2. InstanceSetupProvider and the /setup page, before any sign-in.
  assert.deepEqual(await call('/instance'), { setup_required: true });
  assertShape(await call('/setup', undefined, { method: 'POST', body: JSON.stringify(OWNER) }), { user_id: 'string', email: 'string' }, 'setup');

  // The OIDC library: discovery (CORS), then code + PKCE with audience netbird-dashboard.
  const discovery = await fetch(`${s.issuer}/.well-known/openid-configuration`, { headers: { origin: ORIGIN } });
  assert.ok(discovery.headers.get('access-control-allow-origin'));
  assertShape(await discovery.json(), { issuer: 'string', authorization_endpoint: 'string', token_endpoint: 'string', userinfo_endpoint: 'string', jwks_uri: 'string', end_session_endpoint: 'string', revocation_endpoint: 'string' }, 'discovery');
  const { tokens } = await pkceSignIn(cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' }), OWNER, { redirect: s.dashboardRedirect, exactRedirect: true });
  const token = tokens.access_token;
  assertShape(await (await fetch(`${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${token}`, origin: ORIGIN } })).json(), { sub: 'string', email: 'string', name: 'string' }, 'userinfo');

  // 3. ApplicationProvider and UsersProvider, in parallel: the lists and the current user.
  const [all, people, services, current] = await Promise.all([call('/users', token), call('/users?service_user=false', token), call('/users?service_user=true', token), call('/users/current', token)]);
  assert.deepEqual(services, []);
  for (const list of [all, people]) {
    assert.equal(kindOf(list), 'array');
    assert.equal((list as unknown[]).length, 1);
    assertShape((list as unknown[])[0], USER_SHAPE, 'users[0]');
  }
  assertShape(current, { ...USER_SHAPE, permissions: 'object', idp_id: 'string' }, 'users/current');
  const me = current as { role: string; is_current: boolean; idp_id: string; permissions: { is_restricted: unknown; modules: Record<string, unknown> } };
  assert.deepEqual([me.role, me.is_current, me.idp_id], ['owner', true, 'local']);
  assert.equal(me.permissions.is_restricted, false);
  for (const m of MODULES) assertShape(me.permissions.modules[m], { create: 'boolean', read: 'boolean', update: 'boolean', delete: 'boolean' }, `permissions.modules.${m}`);

  // 4. Permission-gated providers: the account (embedded flag), groups, peers, version.
  const accounts = (await call('/accounts', token)) as unknown[];
  assert.equal(accounts.length, 1);
  assertShape(accounts[0], { id: 'string', domain: 'string', domain_category: 'string', created_at: 'string', created_by: 'string', settings: 'object', onboarding: 'object' }, 'accounts[0]');
  const settings = (accounts[0] as { settings: Record<string, unknown> }).settings;
  assertShape(settings, { peer_login_expiration_enabled: 'boolean', peer_login_expiration: 'number', groups_propagation_enabled: 'boolean', jwt_groups_enabled: 'boolean', jwt_allow_groups: 'array', extra: 'object', embedded_idp_enabled: 'boolean' }, 'settings');
  assert.equal(settings.embedded_idp_enabled, true);
  const groups = (await call('/groups', token)) as unknown[];
  assert.ok(groups.length >= 1);
  for (const g of groups) assertShape(g, { id: 'string', name: 'string', peers_count: 'number', peers: 'array', issued: 'string' }, 'groups[]');
  assert.deepEqual(await call('/peers', token), []);
  assertShape(await call('/instance/version', token), { management_current_version: 'string', management_update_available: 'boolean' }, 'version');

  // The users page with the embedded IdP: invites and the identity providers list.
  assert.deepEqual(await call('/users/invites', token), []);
  assert.deepEqual(await call('/identity-providers', token), []);

  // Main pages: setup keys, access control, posture checks, routes, DNS.
  for (const path of ['/setup-keys', '/policies', '/posture-checks', '/routes', '/dns/nameservers']) assert.equal(kindOf(await call(path, token)), 'array', path);
  assertShape(await call('/dns/settings', token), { disabled_management_groups: 'array' }, 'dns/settings');
  const policies = (await call('/policies', token)) as unknown[];
  assertShape(policies[0], { id: 'string', name: 'string', enabled: 'boolean', rules: 'array' }, 'policies[0]');

  // Saving settings sends the account back with its read-only fields: accepted, flags kept.
  const saved = await call(`/accounts/${(accounts[0] as { id: string }).id}`, token, { method: 'PUT', body: JSON.stringify({ settings: { ...settings, peer_login_expiration: 7200 } }) });
  assert.equal((saved as { settings: Record<string, unknown> }).settings.peer_login_expiration, 7200);
  assert.equal((saved as { settings: Record<string, unknown> }).settings.embedded_idp_enabled, true);
});
