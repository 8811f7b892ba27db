/**
 * The audit log with SSO (JWT) callers, through the real server over HTTP and gRPC against a real
 * OpenID provider: the first sign-in records the account's creation and the user joining; a
 * second user joins pending approval; mutations by a JWT caller name that user (with name and
 * e-mail) as initiator, and a JWT-groups sync names the signing-in user; an SSO Login over gRPC
 * records the peer added by its user.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManagementJson } from '../../src/config/management-json.js';
import { OidcTestProvider, type OidcTestUser } from '../harness/oidc-test-provider.js';
import { linuxMeta, TestAgent } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import type { ApiEvent } from '../../src/rest/to-api/event.js';

const PEOPLE: readonly OidcTestUser[] = [
  { sub: 'olivia', email: 'olivia@corp.test', name: 'Olivia Owner', groups: [] },
  { sub: 'bob', email: 'bob@corp.test', name: 'Bob Member', groups: ['eng'] },
];


let idp: OidcTestProvider;
let server: TestServer;
const jwt = new Map<string, string>();

before(async () => {
  idp = await OidcTestProvider.start({ users: PEOPLE });
  for (const p of PEOPLE) jwt.set(p.sub, (await idp.deviceFlowToken(p.sub)).access_token);
  const file = parseManagementJson(
    JSON.stringify({
      Signal: { Proto: 'http', URI: '127.0.0.1:10000' },
      HttpConfig: { AuthAudience: idp.audience, OIDCConfigEndpoint: idp.discoveryUrl, IdpSignKeyRefreshEnabled: true },
    }),
  );
  server = await startTestServer({ file });
});
after(async () => {
  await server?.stop();
  await idp?.stop();
});

async function call(sub: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${jwt.get(sub)}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${server.ports.http}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}

const events = async (): Promise<ApiEvent[]> => ((await call('olivia', 'GET', '/api/events/audit')).json as ApiEvent[]).reverse();

test('JWT callers: sign-ins, mutations and an SSO peer are recorded with the right initiator', async () => {
  assert.equal((await call('olivia', 'GET', '/api/users/current')).status, 200);
  const accountId = (await server.app.store.repos.accounts.first())!.id;
  const olivia = { initiator_id: 'olivia', initiator_name: 'Olivia Owner', initiator_email: 'olivia@corp.test' };
  let log = await events();
  assert.deepEqual(
    log.map((e) => [e.activity_code, e.initiator_id, e.target_id]),
    [['account.create', 'olivia', accountId], ['user.join', 'olivia', 'olivia']],
  );
  assert.deepEqual({ ...log[1]!.meta }, { email: 'olivia@corp.test', username: 'Olivia Owner' }, 'the joined user named at read time');

  const group = await call('olivia', 'POST', '/api/groups', { name: 'sso-made' });
  assert.equal(group.status, 200);
  log = await events();
  const created = log.at(-1)!;
  assert.equal(created.activity_code, 'group.add');
  assert.deepEqual({ initiator_id: created.initiator_id, initiator_name: created.initiator_name, initiator_email: created.initiator_email }, olivia);

  await call('bob', 'GET', '/api/users/current');
  const joined = (await events()).at(-1)!;
  assert.equal(joined.activity_code, 'user.join');
  assert.equal(joined.initiator_id, 'bob');
  const bob = await server.app.store.repos.users.get('bob');
  assert.equal(joined.meta['pending_approval'], bob!.pendingApproval ? 'true' : undefined);
  if (bob!.pendingApproval) {
    assert.equal((await call('olivia', 'POST', '/api/users/bob/approve')).status, 200);
    const approved = (await events()).at(-1)!;
    assert.deepEqual([approved.activity_code, approved.initiator_id, approved.target_id], ['user.approve', 'olivia', 'bob']);
  }

  // JWT groups on: Bob's next sign-in gives him the token's group, recorded as his own doing.
  const s = (await server.app.store.repos.accounts.get(accountId))!.settings;
  const settings = {
    peer_login_expiration_enabled: s.peerLoginExpirationEnabled, peer_login_expiration: s.peerLoginExpiration,
    peer_inactivity_expiration_enabled: s.peerInactivityExpirationEnabled, peer_inactivity_expiration: s.peerInactivityExpiration,
    regular_users_view_blocked: s.regularUsersViewBlocked, jwt_groups_enabled: true, jwt_groups_claim_name: 'groups',
  };
  assert.equal((await call('olivia', 'PUT', `/api/accounts/${accountId}`, { settings })).status, 200);
  await call('bob', 'GET', '/api/users/current');
  const jwtGroup = (await events()).at(-1)!;
  assert.deepEqual([jwtGroup.activity_code, jwtGroup.initiator_id, jwtGroup.target_id, jwtGroup.meta['group']], ['user.group.add', 'bob', 'bob', 'eng']);

  const agent = new TestAgent(server.grpcTarget);
  try {
    await agent.ssoLogin(jwt.get('bob')!, linuxMeta('bobs-laptop'));
  } finally {
    agent.close();
  }
  const peer = await server.app.store.repos.peers.findByKey(agent.publicKey);
  const added = (await events()).at(-1)!;
  assert.equal(added.activity_code, 'peer.user.add');
  assert.deepEqual([added.initiator_id, added.initiator_name, added.initiator_email], ['bob', 'Bob Member', 'bob@corp.test']);
  assert.equal(added.target_id, peer!.id);
  assert.equal(added.meta['name'], 'bobs-laptop');
});
