/**
 * `POST /api/peers/{peerId}/temporary-access` on a real store, per engine: the temporary peer
 * (ephemeral, the caller's, in `All` only, no expiry), one policy per rule from it to the target
 * only, one serial bump, upstream's events; every refusal changes nothing; deleting the peer
 * takes its policies along.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Activity } from '../../src/domain/activity/activity-codes.js';
import { SYSTEM_INITIATOR } from '../../src/domain/activity/activity-event.js';
import { deleteEphemeralPeers } from '../../src/domain/peers/delete-ephemeral-peers.js';
import { EPHEMERAL_LIFETIME_MS } from '../../src/domain/peers/ephemeral-peer-due.js';
import type { Peer } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { wgKey } from '../conformance/store-fixtures.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('resttempaccess');

for (const engine of ENGINES) {
  describe(`REST temporary access on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let alpha: Peer;
    let beta: Peer;
    let theirs: Peer;
    const tokens: Record<'user' | 'network_admin', string> = { user: '', network_admin: '' };
    before(async () => {
      f = await openRestFixture(engine);
      alpha = await f.addPeer(f.main.accountId, 'alpha');
      beta = await f.addPeer(f.main.accountId, 'beta');
      theirs = await f.addPeer(f.other.accountId, 'gamma');
      for (const role of ['user', 'network_admin'] as const) {
        const u = await f.services.users.create(f.main.accountId, { name: role, email: `${role}@example.com`, role, autoGroups: [], isServiceUser: false });
        tokens[role] = (await f.services.tokens.create(f.main.accountId, u.id, { name: 't', expiresInDays: 30 })).plainToken;
      }
      // Without the Default All→All policy, the temporary peer reaches only what its policies allow.
      for (const p of await f.services.policies.list(f.main.accountId)) await f.services.policies.delete(f.main.accountId, p.id);
    });
    after(() => f?.close());

    const counts = async () => ({
      serial: await f.serial(),
      peers: (await f.services.peers.list(f.main.accountId)).length,
      policies: (await f.services.policies.list(f.main.accountId)).length,
    });

    test('creates an ephemeral peer of the caller and one policy per rule towards the target only', async () => {
      const before = await counts();
      const key = wgKey();
      const res = await f.call('POST', `/api/peers/${alpha.id}/temporary-access`, { body: { name: 'Browser SSH', wg_pub_key: key, rules: ['tcp/22', 'netbird-ssh/22'] } });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.deepEqual(Object.keys(res.json).sort(), ['id', 'name', 'rules']);
      assert.deepEqual([res.json.name, res.json.rules], ['Browser SSH', ['tcp/22', 'netbird-ssh/22']]);
      const after = await counts();
      assert.deepEqual(after, { serial: before.serial + 1, peers: before.peers + 1, policies: before.policies + 2 }, 'one bump for the peer and its policies');

      const peer = await f.services.peers.get(f.main.accountId, res.json.id);
      assert.equal(peer.key, key);
      assert.deepEqual([peer.ephemeral, peer.userId, peer.loginExpirationEnabled, peer.inactivityExpirationEnabled], [true, f.main.ownerId, false, false]);
      assert.deepEqual([peer.meta.hostname, peer.meta.goOS, peer.meta.os, peer.meta.kernelVersion], ['Browser SSH', 'js', 'js', 'wasm']);
      assert.match(peer.dnsLabel, /^browser-ssh-\d+-\d+$/, 'ephemeral peers get the IP-suffixed label');
      const groups = (await f.call('GET', `/api/peers/${peer.id}`)).json.groups.map((g: { name: string }) => g.name);
      assert.deepEqual(groups, ['All'], 'no auto-groups, only All');

      const policies = (await f.services.policies.list(f.main.accountId)).filter((p) => p.rules[0]?.sourceResource?.id === peer.id);
      assert.equal(policies.length, 2);
      for (const p of policies) {
        assert.equal(p.name, 'Temporary access policy for peer Browser SSH');
        const [r] = p.rules;
        assert.deepEqual([r!.name, r!.action, r!.bidirectional, r!.destinationResource], ['Temporary access rule', 'accept', false, { type: 'peer', id: alpha.id }]);
      }
      const byProto = Object.fromEntries(policies.map((p) => [p.rules[0]!.protocol, p.rules[0]!]));
      assert.deepEqual(byProto['tcp']!.portRanges, [{ start: 22, end: 22 }]);
      assert.deepEqual([byProto['netbird-ssh']!.portRanges, byProto['netbird-ssh']!.authorizedUser], [[{ start: 22022, end: 22022 }], f.main.ownerId]);

      // The map agrees: the temporary peer reaches alpha, alpha sees it, beta sees neither.
      const ids = async (id: string) => (await f.call('GET', `/api/peers/${id}/accessible-peers`)).json.map((p: { id: string }) => p.id);
      assert.deepEqual(await ids(peer.id), [alpha.id]);
      assert.deepEqual(await ids(alpha.id), [peer.id]);
      assert.deepEqual(await ids(beta.id), []);

      // Upstream records no "peer added" for a temporary peer, one "policy added" per policy, by the caller.
      const events = (await f.store.repos.activity.list(f.main.accountId, { from: 0 })).events;
      assert.deepEqual(events.filter((e) => e.targetId === peer.id), []);
      const added = events.filter((e) => e.activity === Activity.PolicyAdded && policies.some((p) => p.id === e.targetId));
      assert.deepEqual(added.map((e) => e.initiatorId), [f.main.ownerId, f.main.ownerId]);

      // Deleting the peer deletes the policies that name it, with upstream's PolicyRemoved events.
      assert.equal((await f.call('DELETE', `/api/peers/${peer.id}`)).status, 200);
      assert.equal((await counts()).policies, before.policies);
      const gone = (await f.store.repos.activity.list(f.main.accountId, { from: 0, targetId: peer.id })).events.sort((a, b) => a.id - b.id);
      assert.deepEqual(gone.map((e) => [e.activity, e.initiatorId]), [[Activity.PolicyRemoved, f.main.ownerId], [Activity.PolicyRemoved, f.main.ownerId], [Activity.PeerRemovedByUser, f.main.ownerId]]);
    });

    test('the ephemeral cleanup takes a temporary peer that never connected, and its access, along', async () => {
      const before = await counts();
      const res = await f.call('POST', `/api/peers/${alpha.id}/temporary-access`, { body: { name: 'rdp', wg_pub_key: wgKey(), rules: ['tcp/3389'] } });
      assert.equal(res.status, 200);
      const since = f.deps.clock.now();
      assert.deepEqual(await deleteEphemeralPeers(f.deps, f.main.accountId, { since }), [], 'not before the ephemeral lifetime');
      f.deps.clock.advance(EPHEMERAL_LIFETIME_MS);
      const deleted = await deleteEphemeralPeers(f.deps, f.main.accountId, { since });
      assert.deepEqual(deleted.map((p) => p.id), [res.json.id]);
      const now = await counts();
      assert.deepEqual([now.peers, now.policies], [before.peers, before.policies]);
      const events = (await f.store.repos.activity.list(f.main.accountId, { from: 0, targetId: res.json.id })).events.sort((a, b) => a.id - b.id);
      assert.deepEqual(events.map((e) => [e.activity, e.initiatorId]), [[Activity.PolicyRemoved, SYSTEM_INITIATOR], [Activity.PeerRemovedByUser, SYSTEM_INITIATOR]]);
    });

    test('refusals answer upstream\'s statuses and change nothing', async () => {
      const taken = (await f.services.peers.get(f.main.accountId, beta.id)).key;
      const ok = { name: 'tmp', wg_pub_key: wgKey(), rules: ['all'] };
      const cases: [string, string, unknown, number, RegExp, string?][] = [
        ['bad rule (after a good one)', alpha.id, { ...ok, rules: ['tcp/22', 'tcp/99999'] }, 422, /port out of range/],
        ['bad protocol', alpha.id, { ...ok, rules: ['sctp/1'] }, 422, /invalid protocol/],
        ['not a WireGuard key', alpha.id, { ...ok, wg_pub_key: 'not-a-key' }, 422, /WireGuard public key/],
        ['empty name', alpha.id, { ...ok, name: ' ' }, 422, /name/],
        ['missing rules', alpha.id, { name: 'tmp', wg_pub_key: ok.wg_pub_key }, 422, /rules/],
        ['rules of the wrong type', alpha.id, { ...ok, rules: 'all' }, 400, /couldn't parse JSON request/],
        ['unknown target', 'nope', ok, 404, /peer not found/],
        ['another account\'s peer', theirs.id, ok, 404, /peer not found/],
        ['key already registered', alpha.id, { ...ok, wg_pub_key: taken }, 412, /already registered/],
        ['regular user', alpha.id, ok, 403, /./, tokens.user],
        ['network admin (may read peers only)', alpha.id, ok, 403, /./, tokens.network_admin],
      ];
      for (const [what, target, body, status, message, token] of cases) {
        const before = await counts();
        const res = await f.call('POST', `/api/peers/${target}/temporary-access`, { body, ...(token ? { token } : {}) });
        assert.equal(res.status, status, `${what}: ${JSON.stringify(res.json)}`);
        assert.ok(isErrorBody(res.json, status), what);
        assert.match(res.json.message, message, what);
        assert.deepEqual(await counts(), before, `${what} changed nothing`);
      }
      assert.equal((await f.call('POST', `/api/peers/${alpha.id}/temporary-access`, { body: ok, token: null })).status, 401);
    });
  });
}
