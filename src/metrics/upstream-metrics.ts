import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { NetworkMap } from '../netmap/network-map.js';
import { listLength } from '../netmap/list-cut.js';

/**
 * Buckets of upstream's millisecond histograms that set none of their own (the OpenTelemetry
 * SDK's default explicit buckets), so quantiles come out the same as on upstream's server.
 */
const OTEL_DEFAULT_MS = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
/** Upstream's own buckets for the two account-manager histograms. */
const NETWORK_MAP_MS = [0.1, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000];
const UPDATE_PEERS_MS = [0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];
const OBJECT_COUNT = [50, 100, 200, 500, 1000, 2500, 5000, 10000];

/** One finished REST request as upstream's HTTP middleware labels it. */
export interface HttpObservation {
  /** The route template with its braces removed (`/api/peers/peerId`), '' when no route matched. */
  readonly endpoint: string;
  readonly method: string;
  readonly code: number;
  readonly ms: number;
}

/**
 * NetBird management's own metric names (its `management/server/telemetry` package, as its
 * Prometheus exporter writes them: counters end in `_total`, histograms in milliseconds), kept
 * next to Roost's `roost_*` names so an operator's upstream queries and dashboards keep working.
 * Only concepts Roost has: no global store lock, no IdP-manager calls, no account persistence.
 * The counters, the stream gauge and the histograms are also written under the names upstream's
 * published Grafana dashboard queries (its exporter appends the unit: `_ratio`, `_ratio_total`,
 * `…_ms_milliseconds`, `…_queue_length`).
 */
export interface UpstreamMetrics {
  countSync(): void;
  countLogin(): void;
  countServerKey(): void;
  syncDuration(ms: number, accountId: string): void;
  loginDuration(ms: number, accountId: string): void;
  networkMap(ms: number, objects: number): void;
  updateAccountPeers(ms: number): void;
  peerMetaUpdated(): void;
  storeTransaction(ms: number): void;
  updateChannelQueue(length: number): void;
  http(o: HttpObservation): void;
}

/** `connectedStreams` is read at scrape time (upstream's observable gauge). */
export function createUpstreamMetrics(registry: Registry, opts: { connectedStreams: () => Promise<number> }): UpstreamMetrics {
  const registers = [registry];
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers });
  const ms = (name: string, help: string, buckets: number[], labelNames: string[] = []) => new Histogram({ name, help, buckets, labelNames, registers });
  /** A histogram also written under the unit-suffixed name upstream's dashboard queries. */
  const msTwice = (name: string, unit: string, help: string, buckets: number[], labelNames: string[] = []) => {
    const now = ms(name, help, buckets, labelNames);
    const legacy = ms(`${name}_${unit}`, help, buckets, labelNames);
    return {
      observe(labels: Record<string, string>, v: number) {
        now.observe(labels, v);
        legacy.observe(labels, v);
      },
    };
  };
  const streams = (name: string) =>
    new Gauge({
      name,
      help: 'Number of active peer streams connected to the gRPC server',
      registers,
      async collect() {
        this.set(await opts.connectedStreams());
      },
    });
  streams('management_grpc_connected_streams');
  streams('management_grpc_connected_streams_ratio');
  const twice = (name: string, help: string) => {
    const now = counter(`${name}_total`, help);
    const legacy = counter(`${name}_ratio_total`, help);
    return () => {
      now.inc();
      legacy.inc();
    };
  };
  const countSync = twice('management_grpc_sync_request_counter', 'Number of sync gRPC requests from the peers');
  const countLogin = twice('management_grpc_login_request_counter', 'Number of login gRPC requests from the peers');
  const countServerKey = twice('management_grpc_key_request_counter', "Number of GetServerKey gRPC requests for the server's public WireGuard key");
  const metaUpdated = twice('management_account_peer_meta_update_counter', 'Number of updates with new meta data from the peers');
  const syncMs = msTwice('management_grpc_sync_request_duration_ms', 'milliseconds', 'Duration of the sync gRPC requests until the first message is sent, milliseconds', OTEL_DEFAULT_MS, ['account_id']);
  const loginMs = msTwice('management_grpc_login_request_duration_ms', 'milliseconds', 'Duration of the login gRPC requests, milliseconds', OTEL_DEFAULT_MS, ['account_id']);
  const mapMs = msTwice('management_account_get_peer_network_map_duration_ms', 'milliseconds', 'Duration of calculating one peer network map, milliseconds', NETWORK_MAP_MS);
  const mapObjects = ms('management_account_network_map_object_count', 'Number of objects (peers, routes, firewall rules, DNS records) in a computed network map', OBJECT_COUNT);
  const updatePeersMs = msTwice('management_account_update_account_peers_duration_ms', 'milliseconds', 'Duration of triggering the map updates of the peers a committed change affects, milliseconds', UPDATE_PEERS_MS);
  const txMs = msTwice('management_store_transaction_duration_ms', 'milliseconds', 'Duration of a store transaction, milliseconds', OTEL_DEFAULT_MS);
  const queue = msTwice('management_grpc_updatechannel_queue', 'length', 'Number of update messages waiting in a Sync stream queue when one is added', OTEL_DEFAULT_MS);
  const httpRequests = counter('management_http_request_counter_total', 'Number of incoming HTTP requests by endpoint and method', ['endpoint', 'method']);
  const httpRequestsLegacy = counter('management_http_request_counter_ratio_total', 'Number of incoming HTTP requests by endpoint and method', ['endpoint', 'method']);
  const httpResponses = counter('management_http_response_counter_total', 'Number of outgoing HTTP responses by endpoint, method and status code', ['endpoint', 'method', 'code']);
  const httpCodes = counter('management_http_response_counter_code_total', 'Number of outgoing HTTP responses by status code', ['code']);
  const httpMs = msTwice('management_http_request_duration_ms', 'milliseconds', 'Duration of incoming HTTP requests by endpoint and method, milliseconds', OTEL_DEFAULT_MS, ['endpoint', 'method']);
  const httpTypeMs = msTwice('management_http_request_duration_ms_total', 'milliseconds', 'Duration of incoming HTTP requests by type (write: a 200 answer to PUT/POST/DELETE; read: the rest), milliseconds', OTEL_DEFAULT_MS, ['type']);
  return {
    countSync,
    countLogin,
    countServerKey,
    peerMetaUpdated: metaUpdated,
    syncDuration: (v, account_id) => syncMs.observe({ account_id }, v),
    loginDuration: (v, account_id) => loginMs.observe({ account_id }, v),
    networkMap(v, objects) {
      mapMs.observe({}, v);
      mapObjects.observe(objects);
    },
    updateAccountPeers: (v) => updatePeersMs.observe({}, v),
    storeTransaction: (v) => txMs.observe({}, v),
    updateChannelQueue: (n) => queue.observe({}, n),
    http({ endpoint, method, code, ms: v }) {
      httpRequests.inc({ endpoint, method });
      httpRequestsLegacy.inc({ endpoint, method });
      httpResponses.inc({ endpoint, method, code: String(code) });
      httpCodes.inc({ code: String(code) });
      httpMs.observe({ endpoint, method }, v);
      httpTypeMs.observe({ type: httpRequestType(method, code) }, v);
    },
  };
}

/** Upstream's read/write split of request durations: only a 200 to PUT, POST or DELETE is a write. */
export function httpRequestType(method: string, code: number): 'read' | 'write' {
  return code === 200 && (method === 'PUT' || method === 'POST' || method === 'DELETE') ? 'write' : 'read';
}

/** Upstream's endpoint label: the route template with its parameter markers dropped (`/api/peers/:peerId` → `/api/peers/peerId`). */
export function endpointLabel(routeTemplate: string | undefined): string {
  return (routeTemplate ?? '').replace(/[:{}]/g, '');
}

/** Upstream's "objects in the network map": peers (offline ones too), routes, firewall rules, route rules, DNS records. */
export function networkMapObjects(map: Pick<NetworkMap, 'remotePeers' | 'offlinePeers' | 'routes' | 'firewallRules' | 'routesFirewallRules' | 'dnsConfig'>): number {
  const records = map.dnsConfig.customZones.reduce((n, z) => n + z.records.length, 0);
  return listLength(map, 'remotePeers') + map.offlinePeers.length + map.routes.length + listLength(map, 'firewallRules') + map.routesFirewallRules.length + records;
}
