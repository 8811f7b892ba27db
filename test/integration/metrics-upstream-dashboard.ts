/**
 * Upstream's published management dashboard ("Netbird / Management", NetBird repository,
 * infrastructure_files/observability/grafana/dashboards/management.json), panel by panel, in our
 * own words: what each panel asks Prometheus, with the dashboard's variables left in ($cluster,
 * $environment, $job, $host, $__rate_interval) for the test to fill in as Grafana does. Two
 * revisions of that file are published; they differ only in metric names (with or without the
 * exporter's unit suffix, `_ratio` on counters), so a panel runs its query under each name.
 */

export interface UpstreamPanel {
  readonly row: string;
  readonly title: string;
  /** Every line the panel draws, under every name a revision gives its metric. */
  readonly queries: readonly string[];
  /** A count or gauge the test's traffic raised: the panel must read above zero, not a flat 0. */
  readonly rises?: boolean;
  /** Labels its legend prints: every line must carry them. */
  readonly legend?: readonly string[];
}

export interface AbsentPanel {
  readonly row: string;
  readonly title: string;
  /** Name prefixes of the series it would read; Roost exports none of them. */
  readonly series: readonly string[];
  readonly why: string;
}

/** Most panels narrow to the chosen cluster, environment, job and host, each as a regex match. */
const scoped = (metric: string, extra = '') => `${metric}{cluster=~"$cluster",environment=~"$environment",job=~"$job",host=~"$host"${extra}}`;

const QUANTILES = ['0.5', '0.9', '0.99'];

/** p50/p90/p99 of `increase` summed per cluster, environment and job (Network map, updatechannel rows). */
const increaseQuantiles = (metric: string) => QUANTILES.map((q) => `histogram_quantile(${q}, sum by (le, cluster, environment, job) (increase(${scoped(`${metric}_bucket`)}[$__rate_interval])))`);

/** p50/p90/p99 of `rate` summed over everything but the bucket bound, over `window`. */
const rateQuantiles = (metric: string, extra = '', window = '$__rate_interval') => QUANTILES.map((q) => `histogram_quantile(${q}, sum by (le) (rate(${scoped(`${metric}_bucket`, extra)}[${window}])))`);

/** The heat maps select a fixed `application` label and an exact environment instead. */
const heatMap = (metric: string) => `sum by (le) (increase(${metric}_bucket{application="management",environment="$environment",host=~"$host"}[$__rate_interval]))`;

/** Per-job request rate of a counter (the RPC rows). */
const jobRate = (metric: string) => `sum by (job) (rate(${scoped(metric)}[$__rate_interval]))`;

// Each metric under the name each revision queries it by.
const META = ['management_account_peer_meta_update_counter_total', 'management_account_peer_meta_update_counter_ratio_total'];
const NETWORK_MAP_MS = ['management_account_get_peer_network_map_duration_ms_milliseconds', 'management_account_get_peer_network_map_duration_ms'];
const UPDATE_PEERS_MS = ['management_account_update_account_peers_duration_ms_milliseconds', 'management_account_update_account_peers_duration_ms'];
const QUEUE = ['management_grpc_updatechannel_queue_length', 'management_grpc_updatechannel_queue'];
const TX_MS = ['management_store_transaction_duration_ms_milliseconds', 'management_store_transaction_duration_ms'];
const HTTP_COUNT = ['management_http_request_counter_total', 'management_http_request_counter_ratio_total'];
const HTTP_TYPE_MS = ['management_http_request_duration_ms_total_milliseconds', 'management_http_request_duration_ms_total'];
const HTTP_MS = ['management_http_request_duration_ms_milliseconds', 'management_http_request_duration_ms'];

export const UPSTREAM_PANELS: readonly UpstreamPanel[] = [
  { row: '(top)', title: 'Connected peers', queries: [scoped('management_grpc_connected_streams_ratio')], rises: true },
  { row: 'Core metrics / Peers', title: 'Connected peers count', queries: [scoped('management_grpc_connected_streams_ratio')], rises: true },
  { row: 'Core metrics / Peers', title: 'Peer metadata updates rate', queries: META.map((m) => `rate(${scoped(m)}[$__rate_interval])`), rises: true },
  { row: 'Core metrics / Network map', title: 'GetPeerNetworkMap Latency', queries: NETWORK_MAP_MS.flatMap(increaseQuantiles) },
  { row: 'Core metrics / Network map', title: 'UpdateAccountPeers Latency', queries: UPDATE_PEERS_MS.flatMap(increaseQuantiles) },
  { row: 'Core metrics / updatechannel', title: 'updatechannel queue length', queries: QUEUE.flatMap(increaseQuantiles) },
  { row: 'Core metrics / store persistence', title: 'Database transaction latency', queries: TX_MS.flatMap((m) => rateQuantiles(m)) },
  { row: 'HTTP metrics', title: 'Read request rate (GET, OPTIONS)', queries: HTTP_COUNT.map((m) => `sum by (job, method) (rate(${scoped(m, ',method=~"GET|OPTIONS"')}[$__rate_interval]))`), rises: true, legend: ['method'] },
  { row: 'HTTP metrics', title: 'Write request rate (PUT, POST, DELETE)', queries: HTTP_COUNT.map((m) => `sum by (job, method) (rate(${scoped(m, ',method=~"POST|PUT|DELETE"')}[$__rate_interval]))`), rises: true, legend: ['method'] },
  // Upstream fixes these two windows at 5m rather than $__rate_interval.
  { row: 'HTTP metrics', title: 'Read request latency (GET, OPTIONS)', queries: HTTP_TYPE_MS.flatMap((m) => rateQuantiles(m, ',type=~"read"', '5m')) },
  { row: 'HTTP metrics', title: 'Write request latency (PUT, POST, DELETE)', queries: HTTP_TYPE_MS.flatMap((m) => rateQuantiles(m, ',type=~"write"', '5m')) },
  { row: 'HTTP metrics', title: 'Request rate by endpoint', queries: HTTP_COUNT.map((m) => `sum by (job, exported_endpoint, method) (rate(${scoped(m)}[$__rate_interval]))`), rises: true, legend: ['method', 'exported_endpoint'] },
  { row: 'HTTP metrics', title: 'p90 latency by endpoint', queries: HTTP_MS.map((m) => `histogram_quantile(0.9, sum by (exported_endpoint, method, le) (rate(${scoped(`${m}_bucket`)}[5m])))`), legend: ['method', 'exported_endpoint'] },
  { row: 'RPC metrics', title: 'Sync request rate', queries: [jobRate('management_grpc_sync_request_counter_ratio_total')], rises: true },
  { row: 'RPC metrics', title: 'Sync request latency', queries: rateQuantiles('management_grpc_sync_request_duration_ms') },
  { row: 'RPC metrics', title: 'Login request rate', queries: [jobRate('management_grpc_login_request_counter_ratio_total')], rises: true },
  { row: 'RPC metrics', title: 'Login request latency', queries: rateQuantiles('management_grpc_login_request_duration_ms') },
  { row: 'RPC metrics', title: 'GetKey request rate', queries: [jobRate('management_grpc_key_request_counter_ratio_total')], rises: true },
  { row: 'General', title: 'Update Channel heat map', queries: QUEUE.map(heatMap), rises: true },
  { row: 'Network Map', title: 'UpdateAccountPeers Latency (heat map)', queries: UPDATE_PEERS_MS.map(heatMap), rises: true },
  { row: 'Network Map', title: 'NetworkMap Objects', queries: [heatMap('management_account_network_map_object_count')], rises: true },
];

export const ABSENT_PANELS: readonly AbsentPanel[] = [
  {
    row: 'Core metrics / store persistence',
    title: 'Database persistence latency',
    series: ['management_store_persistence_duration'],
    why: 'times saving or deleting a whole account object; Roost never writes an account whole (each change is its own transaction, in Database transaction latency)',
  },
  { row: 'Core metrics / store persistence', title: 'Global lock duration', series: ['management_store_global_lock'], why: 'Roost takes no store-wide lock' },
  { row: 'Core metrics / IdP', title: 'IdP authenticate request rate', series: ['management_idp_authenticate'], why: "counts calls to an external IdP's management API; Roost keeps users in its own store and makes none" },
  { row: 'Core metrics / IdP', title: 'IdP get_account request rate', series: ['management_idp_get_account'], why: 'as above: no IdP management API calls' },
  { row: 'Core metrics / IdP', title: 'IdP update_user_meta request rate', series: ['management_idp_update_user_meta'], why: 'as above: no IdP management API calls' },
  ...['Update Channel operations', 'Update Channel methods p95 Duration', 'Percentage of Recreated channels'].map((title) => ({
    row: 'General',
    title,
    series: ['management_updatechannel_'],
    why: "counts and times (in µs) the calls of upstream's per-process update-channel manager (create, close, send, get-all, has-channel on a lock-guarded map of buffered channels); Roost's Sync streams sit in a plain map without those calls",
  })),
];
