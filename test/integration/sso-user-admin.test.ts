/**
 * An owner manages SSO users through the REST API with their own token (IDENTITY.md §2.6, §5.3):
 * approving a pending user lets them add peers; approving twice is 422; rejecting deletes the
 * user; blocking a user expires their SSO peers — the stream ends and the next Sync is refused.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MapWatch } from '../harness/map-watch.js';
import { OidcTestProvider, type OidcTestUser } from '../harness/oidc-test-provider.js';
import { pollUntil } from '../harness/poll.js';
import { linuxMeta, status, TestAgent } from '../harness/test-agent.js';
import type { TestServer } from '../harness/test-server.js';
import { ALICE, BOB, deviceFlowToken, ENGINES, refused, startSsoServer } from './sso-fixture.js';

const CAROL: OidcTestUser = { sub: 'carol', email: 'carol@corp.test', name: 'Carol Example', groups: [] };

let idp: OidcTestProvider;
before(async () => {
  idp = await OidcTestProvider.start({ users: [ALICE, BOB, CAROL] });
});
after(() => idp.stop());

/** A REST call with a bearer token; resolves with status and JSON body. */
async function api(server: TestServer, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${server.ports.http}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

for (const engine of ENGINES) {
  test(`approve, reject and block SSO users through REST (${engine})`, async (t) => {
    const server = await startSsoServer(t, idp, engine, { label: 'ssoadmin' });
    if (!server) return;
    const owner = new TestAgent(server.grpcTarget);
    const laptop = new TestAgent(server.grpcTarget);
    t.after(() => (owner.close(), laptop.close()));
    const aliceToken = await deviceFlowToken(server, idp, 'alice');
    await owner.ssoLogin(aliceToken, linuxMeta('alice-laptop')); // alice owns the new account

    // Bob and Carol sign in and wait for approval.
    const bobToken = await deviceFlowToken(server, idp, 'bob');
    await refused(laptop.ssoLogin(bobToken, linuxMeta('bob-laptop')), status.PERMISSION_DENIED, 'user pending approval cannot add peers');
    await refused(new TestAgent(server.grpcTarget).ssoLogin(await deviceFlowToken(server, idp, 'carol'), linuxMeta('carol-pc')), status.PERMISSION_DENIED, 'user pending approval cannot add peers');

    const approved = await api(server, aliceToken, 'POST', '/users/bob/approve');
    assert.equal(approved.status, 200);
    assert.deepEqual([approved.body.id, approved.body.is_blocked, approved.body.pending_approval], ['bob', false, false]);
    assert.deepEqual((await api(server, aliceToken, 'POST', '/users/bob/approve')).body, { message: 'user bob is not pending approval', code: 422 });
    assert.equal((await api(server, aliceToken, 'POST', '/users/nobody/approve')).status, 404);

    assert.deepEqual(await api(server, aliceToken, 'DELETE', '/users/carol/reject'), { status: 200, body: {} });
    assert.equal(await server.app.store.repos.users.get('carol'), undefined, 'rejected user deleted');

    // Bob, approved, adds his laptop and syncs.
    await laptop.ssoLogin(bobToken, linuxMeta('bob-laptop'));
    const maps = new MapWatch(await laptop.sync({ meta: linuxMeta('bob-laptop') }));
    t.after(() => maps.stream.close());
    await maps.first();

    // Blocking Bob expires his peer: the stream ends, the next Sync is refused.
    const blocked = await api(server, aliceToken, 'PUT', '/users/bob', { role: 'user', auto_groups: [], is_blocked: true });
    assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
    assert.equal(await maps.stream.ended_(5_000), status.OK, 'the stream ended');
    // Expired at once; disconnected once the ended stream's status write lands (batched).
    await pollUntil(async () => {
      await server.app.flushStatus();
      const p = await server.app.store.findPeerByKey(laptop.publicKey);
      return p?.loginExpired && !p.connected ? p : undefined;
    }, { what: "bob's peer expired and disconnected" });
    const again = await laptop.sync({ meta: linuxMeta('bob-laptop') });
    await refused(again.next(), status.PERMISSION_DENIED, 'peer login has expired, please log in once more');
    await refused(laptop.ssoLogin(bobToken, linuxMeta('bob-laptop')), status.PERMISSION_DENIED, 'user is blocked');
  });
}
