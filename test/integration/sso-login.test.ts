/**
 * SSO peers end to end (IDENTITY.md §2.6, PROTOCOL.md §5.1/§7.9): a client asks Roost for the
 * flow settings over gRPC, runs the device or PKCE flow against a real OpenID provider (a person
 * approving through its pages), and logs in with the token as the netbird client does — a plain
 * Login first, PERMISSION_DENIED, then the same Login with the JWT. Refused tokens answer as
 * upstream and change nothing.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ManualClock } from '../../src/domain/clock.js';
import { MapWatch } from '../harness/map-watch.js';
import { OidcTestProvider } from '../harness/oidc-test-provider.js';
import { linuxMeta, NIL_UUID, status, TestAgent } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';
import { ALICE, approve, BOB, deviceFlowToken, ENGINES, pkceFlowToken, refused, startSsoServer } from './sso-fixture.js';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const INVALID = 'invalid jwt token, err: token could not be parsed: ';

describe('SSO login through the real server and a real OpenID provider', () => {
  let idp: OidcTestProvider;
  before(async () => {
    idp = await OidcTestProvider.start({ users: [ALICE, BOB] });
  });
  after(() => idp.stop());

  for (const engine of ENGINES) {
    test(`device flow registers the first user's peer (owner of a new account); PKCE user waits for approval, then both see each other (${engine})`, async (t) => {
      const server = await startSsoServer(t, idp, engine, { label: 'ssologin' });
      if (!server) return;
      const { store } = server.app;
      assert.equal(await store.repos.accounts.first(), undefined, 'an empty store');

      const laptop = new TestAgent(server.grpcTarget);
      t.after(() => laptop.close());
      // The connect loop's first Login, with no credentials: "login required".
      await refused(laptop.login({ meta: linuxMeta('alice-laptop') }), status.PERMISSION_DENIED, 'no peer auth method provided, please use a setup key or interactive SSO login');
      const res = await laptop.ssoLogin(await deviceFlowToken(server, idp, 'alice'), linuxMeta('alice-laptop'));
      assert.match(res.peerConfig?.address ?? '', /^100\.\d+\.\d+\.\d+\/16$/);
      assert.ok(res.netbirdConfig?.signal, 'the answer carries Signal');

      const account = await store.repos.accounts.first();
      assert.ok(account);
      const alice = await store.repos.users.get('alice');
      assert.ok(alice);
      assert.deepEqual([alice.accountId, alice.role, alice.pendingApproval, alice.email, alice.name], [account.id, 'owner', false, ALICE.email, ALICE.name]);
      const peer = await store.findPeerByKey(laptop.publicKey);
      assert.ok(peer);
      assert.deepEqual(
        [peer.userId, peer.name, peer.loginExpirationEnabled, peer.inactivityExpirationEnabled, peer.loginExpired, peer.ephemeral],
        ['alice', 'alice-laptop', true, true, false, false],
      );
      assert.equal(alice.lastLogin, peer.lastLogin, "the user's last login is the peer's");
      assert.ok((await store.repos.groups.findByName(account.id, 'All'))?.peers.includes(peer.id), 'in All');

      const aliceMaps = new MapWatch(await laptop.sync({ meta: linuxMeta('alice-laptop') }));
      t.after(() => aliceMaps.stream.close());
      const first = await aliceMaps.first();
      assert.ok(first.networkMap!.serial > 0n);
      assert.equal(first.networkMap!.peerConfig?.address, res.peerConfig?.address);
      // Later connects log in without the token.
      await laptop.login({ meta: linuxMeta('alice-laptop') });

      const desktop = new TestAgent(server.grpcTarget);
      t.after(() => desktop.close());
      const bobToken = await pkceFlowToken(server, idp, 'bob');
      await refused(desktop.ssoLogin(bobToken, linuxMeta('bob-desktop')), status.PERMISSION_DENIED, 'user pending approval cannot add peers');
      const bob = await store.repos.users.get('bob');
      assert.deepEqual([bob?.accountId, bob?.role, bob?.pendingApproval, bob?.blocked], [account.id, 'user', true, true], 'bob joined the account, pending');
      assert.equal(await store.findPeerByKey(desktop.publicKey), undefined, 'no peer for a pending user');

      await approve(server, 'bob');
      await desktop.ssoLogin(bobToken, linuxMeta('bob-desktop')); // a JWT may be used again at the reference revision
      const bobPeer = await store.findPeerByKey(desktop.publicKey);
      assert.equal(bobPeer?.userId, 'bob');
      await aliceMaps.map((m) => m.remotePeers.some((p) => p.wgPubKey === desktop.publicKey));
      const bobMaps = new MapWatch(await desktop.sync({ meta: linuxMeta('bob-desktop') }));
      t.after(() => bobMaps.stream.close());
      assert.ok((await bobMaps.first()).networkMap!.remotePeers.some((p) => p.wgPubKey === laptop.publicKey));
    });
  }

  test('refused tokens answer INVALID_ARGUMENT as upstream, after its three tries; nothing is stored and the server keeps serving', async (t) => {
    const clock = new ManualClock(Date.now());
    const server = await startSsoServer(t, idp, 'sqlite', { label: 'ssorefused', clock });
    assert.ok(server);
    const { store } = server.app;
    const agent = new TestAgent(server.grpcTarget);
    t.after(() => agent.close());
    const good = await deviceFlowToken(server, idp, 'alice');
    const [header, payload, signature] = good.split('.') as [string, string, string];

    idp.accessTokenTtlSeconds = 60;
    const shortLived = await idp.deviceFlowToken('alice');
    idp.accessTokenTtlSeconds = 300;
    const otherApi = await idp.deviceFlowToken('alice', { audience: idp.otherAudiences[0]! });
    const twin = await OidcTestProvider.start({ users: [ALICE], signingKeys: idp.signingKeys });
    const stranger = await OidcTestProvider.start({ users: [ALICE] });
    const fromTwin = (await twin.deviceFlowToken('alice')).access_token;
    const fromStranger = (await stranger.deviceFlowToken('alice')).access_token;
    await twin.stop();
    await stranger.stop();

    const cases: [string, string, number | undefined, string][] = [
      ['expired (exp reached, no leeway)', shortLived.access_token, decodeJwt(shortLived.access_token).exp! * 1000, `${INVALID}token has invalid claims: token is expired`],
      ['for another API', otherApi.access_token, undefined, `${INVALID}token has invalid claims: token has invalid audience`],
      ['another issuer with the same keys', fromTwin, undefined, `${INVALID}token has invalid claims: token has invalid issuer`],
      ['a key the provider does not publish', fromStranger, undefined, `${INVALID}token is unverifiable: error while executing keyfunc: unable to find appropriate key`],
      ['tampered claims', `${header}.${b64url({ ...decodeJwt(good), sub: 'admin' })}.${signature}`, undefined, `${INVALID}token signature is invalid: signature verification failed`],
      ['alg none', `${b64url({ ...decodeProtectedHeader(good), alg: 'none' })}.${payload}.`, undefined, `${INVALID}token signature is invalid: 'none' signature type is not allowed`],
    ];
    for (const [name, token, at, details] of cases) {
      clock.set(at ?? Date.now());
      const t0 = Date.now();
      await refused(agent.login({ jwtToken: token, setupKey: NIL_UUID, meta: linuxMeta('h') }), status.INVALID_ARGUMENT, details, name);
      assert.ok(Date.now() - t0 >= 400, `${name}: tried three times, 200 ms apart`);
    }
    assert.equal(await store.repos.accounts.first(), undefined, 'no account, user or peer was made');
    assert.equal(await store.repos.users.get('admin'), undefined);
    assert.equal(await store.findPeerByKey(agent.publicKey), undefined);

    clock.set(Date.now());
    await agent.ssoLogin(good, linuxMeta('h'));
    assert.equal((await store.findPeerByKey(agent.publicKey))?.userId, 'alice', 'a good token still works');
  });

  test('without an IdP configured a JWT Login keeps its answer', async (t) => {
    const server = await startTestServer();
    t.after(() => server.stop());
    const agent = new TestAgent(server.grpcTarget);
    t.after(() => agent.close());
    await refused(agent.login({ jwtToken: 'a.b.c', setupKey: NIL_UUID, meta: linuxMeta('h') }), status.INVALID_ARGUMENT, 'SSO login is not configured on this server; use a setup key');
  });
});
