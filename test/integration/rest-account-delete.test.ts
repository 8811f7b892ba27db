/**
 * DELETE /api/accounts/{id} with everything in it (only its owner may; another account's ID is
 * unknown), and the v0.77 fields Roost has no feature for: their "off" values pass, anything
 * else is 422 and changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restacctdel');
const settings = { peer_login_expiration_enabled: false, peer_login_expiration: 86_400, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: false };

for (const engine of ENGINES) {
  describe(`REST account delete and v0.77 fields on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    before(async () => {
      f = await openRestFixture(engine);
    });
    after(() => f?.close());

    test('v0.77 fields: off values accepted, IPv6 overlay and local MFA refused with 422', async () => {
      const url = `/api/accounts/${f.main.accountId}`;
      const ok = await f.call('PUT', url, { body: { settings: { ...settings, network_range_v6: '', ipv6_enabled_groups: [], local_mfa_enabled: false } } });
      assert.equal(ok.status, 200, JSON.stringify(ok.json));
      const serial = await f.serial();
      for (const extra of [{ network_range_v6: 'fd00:1::/64' }, { ipv6_enabled_groups: ['x'] }, { local_mfa_enabled: true }]) {
        const res = await f.call('PUT', url, { body: { settings: { ...settings, peer_login_expiration: 7200, ...extra } } });
        assert.equal(res.status, 422, JSON.stringify(extra));
        assert.ok(isErrorBody(res.json, 422));
        assert.match(res.json.message, new RegExp(`^${Object.keys(extra)[0]}: `));
      }
      assert.equal((await f.call('GET', '/api/accounts')).json[0].settings.peer_login_expiration, 86_400, 'nothing was applied');
      assert.equal(await f.serial(), serial);

      const peer = await f.addPeer(f.main.accountId, 'box');
      const body = { name: 'box', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false };
      assert.equal((await f.call('PUT', `/api/peers/${peer.id}`, { body: { ...body, ipv6: '' } })).status, 200);
      const refused = await f.call('PUT', `/api/peers/${peer.id}`, { body: { ...body, name: 'renamed', ipv6: 'fd00::5' } });
      assert.equal(refused.status, 422);
      assert.match(refused.json.message, /^ipv6: IPv6 overlay/);
      assert.equal((await f.services.peers.get(f.main.accountId, peer.id)).name, 'box');
    });

    test('only the owner deletes the account, with everything in it; the other account is untouched', async () => {
      const victim = f.other;
      const peer = await f.addPeer(victim.accountId, 'doomed');
      const group = await f.services.groups.create(victim.accountId, { name: 'g', peers: [peer.id] });
      const zone = await f.services.dnsZones.create(victim.accountId, { name: 'z', domain: 'doomed.example', enabled: true, enableSearchDomain: false, distributionGroups: [group.id] });
      const record = await f.services.dnsZones.createRecord(victim.accountId, zone.id, { name: 'a.doomed.example', type: 'A', content: '10.0.0.1', ttl: 60 });
      const admin = await f.services.users.create(victim.accountId, { name: 'adm', email: '', role: 'admin', autoGroups: [], isServiceUser: true });
      const adminToken = (await f.services.tokens.create(victim.accountId, admin.id, { name: 't', expiresInDays: 1 })).plainToken;
      const mainSerial = await f.serial(f.main.accountId);
      const mainPeers = (await f.call('GET', '/api/peers')).json.length;

      const url = `/api/accounts/${victim.accountId}`;
      assert.equal((await f.call('DELETE', url, { token: null })).status, 401);
      assert.equal((await f.call('DELETE', url)).status, 404, "another account's ID is unknown");
      const byAdmin = await f.call('DELETE', url, { token: adminToken });
      assert.equal(byAdmin.status, 403);
      assert.ok(isErrorBody(byAdmin.json, 403));
      assert.equal((await f.call('GET', '/api/peers', { token: victim.token })).json.length, 1, 'a refused delete changes nothing');

      const published = f.deps.published.length;
      const del = await f.call('DELETE', url, { token: victim.token });
      assert.equal(del.status, 200, JSON.stringify(del.json));
      assert.deepEqual(del.json, {});
      const change = f.deps.published.slice(published).find((c) => c.accountId === victim.accountId);
      assert.deepEqual(change?.deletedPeers, [{ id: peer.id, key: peer.key }], 'the deleted peers\' streams are told');

      assert.equal((await f.call('GET', '/api/accounts', { token: victim.token })).status, 401, 'its tokens are gone');
      assert.equal((await f.call('GET', '/api/accounts', { token: adminToken })).status, 401);
      const repos = f.store.repos;
      assert.equal(await repos.accounts.get(victim.accountId), undefined);
      for (const [name, rows] of [
        ['peers', await repos.peers.list(victim.accountId)],
        ['users', await repos.users.list(victim.accountId)],
        ['groups', await repos.groups.list(victim.accountId)],
        ['policies', await repos.policies.list(victim.accountId)],
        ['setup keys', await repos.setupKeys.list(victim.accountId)],
        ['zones', await repos.dnsZones.list(victim.accountId)],
      ] as const) assert.deepEqual(rows, [], name);
      assert.equal(await repos.peers.findByKey(peer.key), undefined);
      assert.equal(await repos.dnsZones.getRecord(victim.accountId, zone.id, record.id), undefined);

      assert.equal(await f.serial(f.main.accountId), mainSerial);
      assert.equal((await f.call('GET', '/api/peers')).json.length, mainPeers, 'the other account keeps everything');
    });
  });
}
