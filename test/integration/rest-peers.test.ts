/**
 * Peers over the admin API on a real store: list (with filters), get, update, delete and
 * accessible peers computed from the network map; serial moves on writes; another account's
 * peers are 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Peer } from '../../src/domain/model.js';
import { storeEngines } from '../conformance/store-engines.js';
import { isErrorBody, openRestFixture, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restpeers');

const names = (list: { name: string }[]): string[] => list.map((p) => p.name).sort();

for (const engine of ENGINES) {
  describe(`REST peers on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let alpha: Peer;
    let beta: Peer;
    let theirs: Peer;
    before(async () => {
      f = await openRestFixture(engine);
      alpha = await f.addPeer(f.main.accountId, 'alpha', { osVersion: '12', kernelVersion: '6.1.0' });
      beta = await f.addPeer(f.main.accountId, 'beta');
      theirs = await f.addPeer(f.other.accountId, 'gamma');
    });
    after(() => f?.close());

    test('GET /api/peers lists the account peers with upstream fields', async () => {
      const res = await f.call('GET', '/api/peers');
      assert.equal(res.status, 200);
      assert.deepEqual(names(res.json), ['alpha', 'beta']);
      const a = res.json.find((p: { id: string }) => p.id === alpha.id);
      assert.equal(a.ip, alpha.ip);
      assert.equal(a.hostname, 'alpha');
      assert.equal(a.dns_label, 'alpha.netbird.selfhosted');
      assert.equal(a.accessible_peers_count, 0);
      assert.equal(a.connected, false);
      assert.equal(a.approval_required, false);
      assert.equal(a.os, 'Debian 12');
      assert.equal(a.kernel_version, '6.1.0');
      assert.equal(a.version, '0.60.0');
      assert.deepEqual(a.extra_dns_labels, []);
      assert.equal(a.local_flags.rosenpass_enabled, false);
      assert.deepEqual(a.groups.map((g: { name: string }) => g.name), ['All']);
      assert.equal(a.groups[0].peers_count, 2);
      assert.deepEqual(names((await f.call('GET', '/api/peers', { token: f.other.token })).json), ['gamma']);
    });

    test('GET /api/peers filters by name and ip', async () => {
      assert.deepEqual(names((await f.call('GET', '/api/peers?name=beta')).json), ['beta']);
      assert.deepEqual(names((await f.call('GET', `/api/peers?ip=${alpha.ip}`)).json), ['alpha']);
      assert.deepEqual((await f.call('GET', '/api/peers?name=gamma')).json, []);
    });

    test('GET /api/peers/{id}; another account\'s peer is 404', async () => {
      const res = await f.call('GET', `/api/peers/${alpha.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.json.id, alpha.id);
      assert.equal('accessible_peers_count' in res.json, false);
      for (const [method, url] of [['GET', `/api/peers/${theirs.id}`], ['PUT', `/api/peers/${theirs.id}`], ['DELETE', `/api/peers/${theirs.id}`], ['GET', `/api/peers/${theirs.id}/accessible-peers`]] as const) {
        const r = await f.call(method, url, method === 'PUT' ? { body: { name: 'x', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false } } : {});
        assert.equal(r.status, 404, `${method} ${url}`);
        assert.ok(isErrorBody(r.json, 404));
      }
      assert.equal((await f.services.peers.get(f.other.accountId, theirs.id)).name, 'gamma', 'untouched');
    });

    test('accessible peers follow the policies', async () => {
      const res = await f.call('GET', `/api/peers/${alpha.id}/accessible-peers`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.map((p: { id: string }) => p.id), [beta.id]);
      assert.deepEqual(Object.keys(res.json[0]).sort(), ['city_name', 'connected', 'country_code', 'dns_label', 'geoname_id', 'id', 'ip', 'last_seen', 'name', 'os', 'user_id']);
      assert.equal(res.json[0].dns_label, 'beta.netbird.selfhosted');

      // Without the Default policy nobody reaches anybody.
      const [policy] = await f.services.policies.list(f.main.accountId);
      assert.equal((await f.call('DELETE', `/api/policies/${policy!.id}`)).status, 200);
      assert.deepEqual((await f.call('GET', `/api/peers/${alpha.id}/accessible-peers`)).json, []);
    });

    test('PUT /api/peers/{id} renames through the domain and moves the serial', async () => {
      const before = await f.serial();
      const res = await f.call('PUT', `/api/peers/${beta.id}`, {
        body: { name: 'Beta Prime', ssh_enabled: true, login_expiration_enabled: false, inactivity_expiration_enabled: false },
      });
      assert.equal(res.status, 200);
      assert.equal(res.json.name, 'Beta Prime');
      assert.equal(res.json.ssh_enabled, true);
      assert.equal(res.json.dns_label, 'beta-prime.netbird.selfhosted');
      assert.equal(await f.serial(), before + 1);
      assert.equal((await f.services.peers.get(f.main.accountId, beta.id)).sshEnabled, true);
    });

    test('invalid peer updates are 400/422/412 and change nothing', async () => {
      const base = { name: 'x', ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false };
      const cases: [string, unknown, number][] = [
        ['ssh as string', { ...base, ssh_enabled: 'yes' }, 400],
        ['missing name', { ssh_enabled: false, login_expiration_enabled: false, inactivity_expiration_enabled: false }, 422],
        ['empty name', { ...base, name: '' }, 422],
        ['ip outside the network', { ...base, name: 'alpha', ip: '192.0.2.1' }, 422],
        ['expiry toggle on a setup-key peer', { ...base, name: 'alpha', login_expiration_enabled: true }, 412],
      ];
      const before = await f.serial();
      for (const [name, body, code] of cases) {
        const res = await f.call('PUT', `/api/peers/${alpha.id}`, { body });
        assert.equal(res.status, code, `${name}: ${JSON.stringify(res.json)}`);
        assert.ok(isErrorBody(res.json, code), name);
      }
      assert.equal(await f.serial(), before);
      assert.equal((await f.services.peers.get(f.main.accountId, alpha.id)).name, 'alpha');
    });

    test('DELETE /api/peers/{id} removes the peer and moves the serial', async () => {
      const before = await f.serial();
      const res = await f.call('DELETE', `/api/peers/${beta.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json, {});
      assert.equal(await f.serial(), before + 1);
      assert.equal((await f.call('GET', `/api/peers/${beta.id}`)).status, 404);
      assert.deepEqual(names((await f.call('GET', '/api/peers')).json), ['alpha']);
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
