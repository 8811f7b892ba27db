/**
 * NetBird management's own metric names (its telemetry package, as its Prometheus exporter
 * writes them, plus the names its published Grafana dashboard queries) are exported next to
 * Roost's, with upstream's types, after a real Login, Sync and REST call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDomainServices } from '../../src/domain/create-domain-services.js';
import { pollUntil } from '../harness/poll.js';
import { sampleValue } from '../harness/read-metric.js';
import { domainOf, seedAccount } from '../harness/seed.js';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

/** Upstream name → Prometheus type, and a sample that must carry data after the calls below. */
const UPSTREAM: readonly (readonly [name: string, type: 'counter' | 'gauge' | 'histogram', sample: string, labels?: Record<string, string>])[] = [
  ['management_grpc_sync_request_counter_total', 'counter', 'management_grpc_sync_request_counter_total'],
  ['management_grpc_login_request_counter_total', 'counter', 'management_grpc_login_request_counter_total'],
  ['management_grpc_key_request_counter_total', 'counter', 'management_grpc_key_request_counter_total'],
  ['management_grpc_connected_streams', 'gauge', 'management_grpc_connected_streams'],
  ['management_grpc_sync_request_duration_ms', 'histogram', 'management_grpc_sync_request_duration_ms_count'],
  ['management_grpc_login_request_duration_ms', 'histogram', 'management_grpc_login_request_duration_ms_count'],
  ['management_grpc_updatechannel_queue', 'histogram', 'management_grpc_updatechannel_queue_count'],
  ['management_account_get_peer_network_map_duration_ms', 'histogram', 'management_account_get_peer_network_map_duration_ms_count'],
  ['management_account_update_account_peers_duration_ms', 'histogram', 'management_account_update_account_peers_duration_ms_count'],
  ['management_account_network_map_object_count', 'histogram', 'management_account_network_map_object_count_count'],
  ['management_account_peer_meta_update_counter_total', 'counter', 'management_account_peer_meta_update_counter_total'],
  ['management_store_transaction_duration_ms', 'histogram', 'management_store_transaction_duration_ms_count'],
  ['management_http_request_counter_total', 'counter', 'management_http_request_counter_total', { endpoint: '/api/peers', method: 'GET' }],
  ['management_http_response_counter_total', 'counter', 'management_http_response_counter_total', { endpoint: '/api/peers', method: 'GET', code: '200' }],
  ['management_http_response_counter_code_total', 'counter', 'management_http_response_counter_code_total', { code: '200' }],
  ['management_http_request_duration_ms', 'histogram', 'management_http_request_duration_ms_count', { endpoint: '/api/peers', method: 'GET' }],
  ['management_http_request_duration_ms_total', 'histogram', 'management_http_request_duration_ms_total_count', { type: 'read' }],
  // What upstream's published dashboard (infrastructure_files/observability) queries.
  ['management_grpc_connected_streams_ratio', 'gauge', 'management_grpc_connected_streams_ratio'],
  ['management_grpc_sync_request_counter_ratio_total', 'counter', 'management_grpc_sync_request_counter_ratio_total'],
  ['management_grpc_login_request_counter_ratio_total', 'counter', 'management_grpc_login_request_counter_ratio_total'],
  ['management_grpc_key_request_counter_ratio_total', 'counter', 'management_grpc_key_request_counter_ratio_total'],
  ['management_http_request_counter_ratio_total', 'counter', 'management_http_request_counter_ratio_total', { method: 'GET' }],
  ['management_account_peer_meta_update_counter_ratio_total', 'counter', 'management_account_peer_meta_update_counter_ratio_total'],
  ['management_grpc_sync_request_duration_ms_milliseconds', 'histogram', 'management_grpc_sync_request_duration_ms_milliseconds_count'],
  ['management_grpc_login_request_duration_ms_milliseconds', 'histogram', 'management_grpc_login_request_duration_ms_milliseconds_count'],
  ['management_grpc_updatechannel_queue_length', 'histogram', 'management_grpc_updatechannel_queue_length_count'],
  ['management_account_get_peer_network_map_duration_ms_milliseconds', 'histogram', 'management_account_get_peer_network_map_duration_ms_milliseconds_count'],
  ['management_account_update_account_peers_duration_ms_milliseconds', 'histogram', 'management_account_update_account_peers_duration_ms_milliseconds_count'],
  ['management_store_transaction_duration_ms_milliseconds', 'histogram', 'management_store_transaction_duration_ms_milliseconds_count'],
  ['management_http_request_duration_ms_milliseconds', 'histogram', 'management_http_request_duration_ms_milliseconds_count', { endpoint: '/api/peers', method: 'GET' }],
  ['management_http_request_duration_ms_total_milliseconds', 'histogram', 'management_http_request_duration_ms_total_milliseconds_count', { type: 'read' }],
];

/** Concepts Roost does not have: never exported, not even empty. */
const ABSENT = ['management_store_global_lock_acquisition_duration_ms', 'management_store_global_lock_acquisition_duration_micro', 'management_store_persistence_duration_ms', 'management_idp_authenticate_request_counter'];

test('upstream metric names: exported with upstream types and data after a Login, a Sync and a REST call', async (t) => {
  const server = await startTestServer();
  const agent = new TestAgent(server.grpcTarget);
  t.after(async () => {
    agent.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  await agent.register(key.plain, linuxMeta('alpha'));
  const sync = await agent.sync({ meta: linuxMeta('alpha') });
  t.after(() => sync.close());
  await sync.next();
  // A second peer's registration pushes a new map to the open stream; a new meta is an update.
  const other = new TestAgent(server.grpcTarget);
  t.after(() => other.close());
  await other.register(key.plain, linuxMeta('bravo'));
  await sync.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 0) > 0);
  const renamed = await other.sync({ meta: { ...linuxMeta('bravo'), hostname: 'bravo-renamed' } });
  t.after(() => renamed.close());
  await renamed.next();

  const { plainToken } = await createDomainServices(domainOf(server.app)).tokens.create(seed.accountId, seed.ownerId, { name: 'metrics', expiresInDays: 1 });
  const res = await fetch(`http://127.0.0.1:${server.ports.http}/api/peers`, { headers: { authorization: `Token ${plainToken}` } });
  assert.equal(res.status, 200);
  await res.arrayBuffer();

  const text = await pollUntil(
    async () => {
      const body = await (await fetch(`http://127.0.0.1:${server.ports.metrics}/metrics`)).text();
      const pushed = sampleValue(body, 'roost_sync_updates_pushed_total', { kind: 'map' }) ?? 0;
      return (sampleValue(body, 'management_http_request_counter_total', {}) ?? 0) >= 1 && pushed >= 1 ? body : undefined;
    },
    { what: 'the REST call to be counted' },
  );
  for (const [name, type, sample, labels] of UPSTREAM) {
    assert.match(text, new RegExp(`^# TYPE ${name} ${type}$`, 'm'), `${name} is a ${type}`);
    const value = sampleValue(text, sample, labels ?? {});
    assert.ok(value !== undefined && value > 0, `${sample}${JSON.stringify(labels ?? {})} carries data (got ${value})`);
  }
  assert.equal(sampleValue(text, 'management_grpc_connected_streams', {}), 2);
  assert.ok((sampleValue(text, 'management_grpc_sync_request_duration_ms_count', { account_id: seed.accountId }) ?? 0) >= 1, 'sync duration by account_id');
  assert.ok((sampleValue(text, 'management_grpc_login_request_duration_ms_count', { account_id: seed.accountId }) ?? 0) >= 2, 'login duration by account_id');
  assert.match(text, /^management_grpc_sync_request_duration_ms_bucket\{le="5",account_id="[^"]+"\} \d+$/m, "upstream's millisecond buckets");
  for (const name of ABSENT) assert.doesNotMatch(text, new RegExp(`^# TYPE ${name}`, 'm'), `${name} is not faked`);
  // Roost's own names stay.
  assert.match(text, /^# TYPE roost_sync_requests_total counter$/m);
  assert.ok((sampleValue(text, 'roost_store_transaction_seconds_count', { result: 'commit' }) ?? 0) >= 1);
});
