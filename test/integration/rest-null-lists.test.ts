/**
 * JSON `null` for a list member, request schema by request schema: upstream's Go handlers
 * decode it as an empty slice (its Go REST client sends `null` for unset slices), so it is
 * accepted as empty — or refused by the same rule an empty list meets, never as a type error.
 * Two PUTs keep upstream's explicit refusal of an absent `auto_groups`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { storeEngines } from '../conformance/store-engines.js';
import { openRestFixture, type ApiResult, type RestFixture } from './rest-fixture.js';

const ENGINES = await storeEngines('restnulls');

interface NullCase {
  readonly schema: string;
  readonly method: 'POST' | 'PUT';
  readonly url: () => string;
  readonly body: () => unknown;
  /** 200 and what the answer shows, or the refusal (status and message). */
  readonly expect: { readonly kind: 'ok'; readonly check: (json: any) => void } | { readonly kind: 'refused'; readonly status: number; readonly message: string };
}

const empty = (...path: string[]) => (json: any) => assert.deepEqual(path.reduce((o, k) => o?.[k], json), [], path.join('.'));

for (const engine of ENGINES) {
  describe(`REST null lists on ${engine.name}`, { skip: engine.skip }, () => {
    let f: RestFixture;
    let allId: string;
    let peerId: string;
    let keyId: string;
    let userId: string;
    before(async () => {
      f = await openRestFixture(engine);
      allId = (await f.services.groups.list(f.main.accountId)).find((g) => g.name === 'All')!.id;
      peerId = (await f.addPeer(f.main.accountId, 'router')).id;
      keyId = (await f.services.setupKeys.list(f.main.accountId))[0]!.id;
      userId = (await f.services.users.create(f.main.accountId, { name: 'svc', email: '', role: 'user', autoGroups: [], isServiceUser: true })).id;
    });
    after(() => f?.close());

    const settings = { peer_login_expiration_enabled: false, peer_login_expiration: 86_400, peer_inactivity_expiration_enabled: false, peer_inactivity_expiration: 600, regular_users_view_blocked: true };
    const rule = { name: 'r', enabled: true, action: 'accept', bidirectional: true, protocol: 'tcp', sources: [] as string[], destinations: [] as string[] };
    const ns = { name: 'ns', description: '', nameservers: [{ ip: '9.9.9.9', ns_type: 'udp', port: 53 }], enabled: true, groups: [] as string[], primary: true, domains: [], search_domains_enabled: false };

    const cases = (): NullCase[] => {
      const route = { description: '', network_id: 'n', enabled: true, peer: peerId, network: '10.50.0.0/16', metric: 1, masquerade: false, groups: [] as string[], keep_route: false };
      return [
        { schema: 'CreateSetupKeyRequest.auto_groups', method: 'POST', url: () => '/api/setup-keys',
          body: () => ({ name: 'k', type: 'reusable', expires_in: 0, auto_groups: null, usage_limit: 0 }), expect: { kind: 'ok', check: empty('auto_groups') } },
        { schema: 'SetupKeyRequest.auto_groups (upstream refuses)', method: 'PUT', url: () => `/api/setup-keys/${keyId}`,
          body: () => ({ revoked: false, auto_groups: null }), expect: { kind: 'refused', status: 422, message: 'setup key AutoGroups field is invalid' } },
        { schema: 'UserCreateRequest.auto_groups', method: 'POST', url: () => '/api/users',
          body: () => ({ name: 'bot', role: 'user', auto_groups: null, is_service_user: true }), expect: { kind: 'ok', check: empty('auto_groups') } },
        { schema: 'UserRequest.auto_groups (upstream refuses)', method: 'PUT', url: () => `/api/users/${userId}`,
          body: () => ({ role: 'user', auto_groups: null, is_blocked: false }), expect: { kind: 'refused', status: 400, message: "auto_groups field can't be absent" } },
        { schema: 'DNSSettings.disabled_management_groups', method: 'PUT', url: () => '/api/dns/settings',
          body: () => ({ disabled_management_groups: null }), expect: { kind: 'ok', check: empty('disabled_management_groups') } },
        { schema: 'NameserverGroupRequest.domains', method: 'POST', url: () => '/api/dns/nameservers',
          body: () => ({ ...ns, name: 'ns-domains', groups: [allId], domains: null }), expect: { kind: 'ok', check: empty('domains') } },
        { schema: 'NameserverGroupRequest.nameservers', method: 'POST', url: () => '/api/dns/nameservers',
          body: () => ({ ...ns, name: 'ns-none', groups: [allId], nameservers: null }), expect: { kind: 'refused', status: 422, message: 'between 1 and 3 nameservers are required' } },
        { schema: 'NameserverGroupRequest.groups', method: 'POST', url: () => '/api/dns/nameservers',
          body: () => ({ ...ns, name: 'ns-nogroups', groups: null }), expect: { kind: 'refused', status: 422, message: 'at least one distribution group is required' } },
        { schema: 'RouteRequest.peer_groups, domains, access_control_groups', method: 'POST', url: () => '/api/routes',
          body: () => ({ ...route, groups: [allId], peer_groups: null, domains: null, access_control_groups: null }), expect: { kind: 'ok', check: (j) => assert.equal(j.network, '10.50.0.0/16') } },
        { schema: 'RouteRequest.groups', method: 'POST', url: () => '/api/routes',
          body: () => ({ ...route, network: '10.51.0.0/16', groups: null }), expect: { kind: 'refused', status: 422, message: 'at least one distribution group is required' } },
        { schema: 'GroupRequest.peers, resources', method: 'POST', url: () => '/api/groups',
          body: () => ({ name: 'g', peers: null, resources: null }), expect: { kind: 'ok', check: empty('peers') } },
        { schema: 'PolicyCreate.source_posture_checks, rule lists', method: 'POST', url: () => '/api/policies',
          body: () => ({ name: 'p', enabled: true, source_posture_checks: null,
            rules: [{ ...rule, sources: [allId], destinations: [allId], ports: null, port_ranges: null, authorized_groups: null }] }),
          expect: { kind: 'ok', check: empty('source_posture_checks') } },
        { schema: 'PolicyCreate.rules', method: 'POST', url: () => '/api/policies',
          body: () => ({ name: 'p', enabled: true, rules: null }), expect: { kind: 'refused', status: 422, message: "policy rules shouldn't be empty" } },
        { schema: 'PolicyRuleUpdate.sources (null is absent, as upstream)', method: 'POST', url: () => '/api/policies',
          body: () => ({ name: 'p', enabled: true, rules: [{ ...rule, sources: null, destinations: [allId] }] }),
          expect: { kind: 'refused', status: 422, message: 'specify either sources or source resources and destinations or destination resources' } },
        { schema: 'AccountSettings.jwt_allow_groups, peer_expose_groups, extra.network_traffic_logs_groups', method: 'PUT', url: () => `/api/accounts/${f.main.accountId}`,
          body: () => ({ settings: { ...settings, jwt_allow_groups: null, peer_expose_groups: null, extra: { network_traffic_logs_groups: null } } }),
          expect: { kind: 'ok', check: empty('settings', 'jwt_allow_groups') } },
        { schema: 'Checks.geo_location_check.locations', method: 'POST', url: () => '/api/posture-checks',
          body: () => ({ name: 'geo', description: '', checks: { geo_location_check: { locations: null, action: 'allow' } } }),
          expect: { kind: 'refused', status: 422, message: 'geo location check: no locations' } },
        { schema: 'Checks.peer_network_range_check.ranges', method: 'POST', url: () => '/api/posture-checks',
          body: () => ({ name: 'ranges', description: '', checks: { peer_network_range_check: { ranges: null, action: 'deny' } } }),
          expect: { kind: 'refused', status: 422, message: 'network range check: no ranges' } },
        { schema: 'Checks.process_check.processes', method: 'POST', url: () => '/api/posture-checks',
          body: () => ({ name: 'procs', description: '', checks: { process_check: { processes: null } } }),
          expect: { kind: 'refused', status: 422, message: 'process check: no processes' } },
      ];
    };

    test('null lists, request schema by request schema', async () => {
      for (const c of cases()) {
        const res: ApiResult = await f.call(c.method, c.url(), { body: c.body() });
        if (c.expect.kind === 'ok') {
          assert.equal(res.status, 200, `${c.schema}: ${JSON.stringify(res.json)}`);
          c.expect.check(res.json);
        } else {
          assert.deepEqual([res.status, res.json], [c.expect.status, { message: c.expect.message, code: c.expect.status }], c.schema);
        }
      }
    });

    test('no unexpected error was logged', () => {
      assert.deepEqual(f.logged, []);
    });
  });
}
