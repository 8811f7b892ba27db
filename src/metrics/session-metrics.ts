import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createUpstreamMetrics, type UpstreamMetrics } from './upstream-metrics.js';
import { PushTracker, type PushedChange } from './push-tracker.js';

/** Why a Sync took the slow path (`none` on the fast path). */
export type SyncPathReason = 'none' | 'flag_off' | 'android' | 'cache_miss' | 'login_mismatch' | 'serial_mismatch' | 'meta_mismatch' | 'zero_serial' | 'race';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The Login/Sync metric set; names are listed in the README. */
export interface SessionMetrics {
  readonly loginDuration: Histogram<'result'>;
  readonly syncRequests: Counter<'path' | 'reason'>;
  readonly syncFastDuration: Histogram;
  readonly syncSlowDuration: Histogram;
  readonly connectedStreams: Gauge;
  readonly updatesPushed: Counter<'kind'>;
  readonly mapDeliveries: Counter<'result'>;
  readonly mapComputeDuration: Histogram;
  readonly fastPathEnabled: Gauge;
  /** Seconds from a change's commit (or its arrival from another process) to a map carrying it being sent. */
  readonly pushLatency: Histogram;
  /** Seconds a store transaction took, commit or rollback included. */
  readonly storeTransaction: Histogram<'result'>;
  /** Seconds a Sync stream stayed open, by the path its first message took. */
  readonly streamDuration: Histogram<'path'>;
  /** The same events under NetBird management's own names (upstream dashboards). */
  readonly upstream: UpstreamMetrics;
  /** A committed change was queued on `streams` open streams of this process (commit → sent starts now). */
  changeQueued(accountId: string, serial: number, streams: number): void;
  /** A stream was sent the map at `sent`, its previous one being `previous`. */
  mapSent(accountId: string, previous: number, sent: number): void;
}

export interface SessionMetricsOptions {
  readonly fastPathEnabled?: () => boolean;
  /** Told once per change when every stream it was queued on has been sent it (or ended). */
  readonly onChangePushed?: (change: PushedChange) => void;
}

const HELD_BUCKETS = [1, 10, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 7 * 24 * 3600];

export function createSessionMetrics(registry: Registry, opts: SessionMetricsOptions = {}): SessionMetrics {
  const registers = [registry];
  const connectedStreams = new Gauge({ name: 'roost_sync_streams_connected', help: 'Sync streams currently open on this process', registers });
  const pushLatency = new Histogram({ name: 'roost_sync_push_latency_seconds', help: 'Time from a change committed (or heard of from another process) to a map carrying it sent on a Sync stream', buckets: LATENCY_BUCKETS, registers });
  const changesPushed = new Histogram({ name: 'roost_sync_change_streams', help: 'Streams of this process a committed change was queued on', buckets: [0, 1, 10, 100, 1000, 10000], registers });
  const pushes = new PushTracker((c) => opts.onChangePushed?.(c));
  const metrics: SessionMetrics = {
    loginDuration: new Histogram({ name: 'roost_login_duration_seconds', help: 'Login handling time by result (ok or the error kind)', labelNames: ['result'], buckets: LATENCY_BUCKETS, registers }),
    syncRequests: new Counter({ name: 'roost_sync_requests_total', help: 'Sync streams opened, by path (fast/slow) and slow-path reason', labelNames: ['path', 'reason'], registers }),
    syncFastDuration: new Histogram({ name: 'roost_sync_fast_duration_seconds', help: 'Time from Sync request to the first message sent, fast path', buckets: LATENCY_BUCKETS, registers }),
    syncSlowDuration: new Histogram({ name: 'roost_sync_slow_duration_seconds', help: 'Time from Sync request to the first message sent, slow path', buckets: LATENCY_BUCKETS, registers }),
    connectedStreams,
    updatesPushed: new Counter({ name: 'roost_sync_updates_pushed_total', help: 'Messages pushed on open Sync streams after the first, by kind (map, turn, relay, deleted)', labelNames: ['kind'], registers }),
    mapDeliveries: new Counter({ name: 'roost_sync_map_deliveries_total', help: 'Full maps sent while the fast path is on, by whether the client acknowledged reading them (confirmed) or not (unconfirmed)', labelNames: ['result'], registers }),
    mapComputeDuration: new Histogram({ name: 'roost_network_map_compute_seconds', help: 'Time to compute one peer network map', buckets: LATENCY_BUCKETS, registers }),
    fastPathEnabled: new Gauge({
      name: 'roost_fast_path_enabled',
      help: '1 while the fast-path kill switch reads enabled, else 0',
      registers,
      collect() {
        if (opts.fastPathEnabled) this.set(opts.fastPathEnabled() ? 1 : 0);
      },
    }),
    pushLatency,
    storeTransaction: new Histogram({ name: 'roost_store_transaction_seconds', help: 'Store transaction time by result (commit, rollback)', labelNames: ['result'], buckets: LATENCY_BUCKETS, registers }),
    streamDuration: new Histogram({ name: 'roost_sync_stream_duration_seconds', help: 'How long Sync streams stayed open, by the path of their first message (none: ended before it)', labelNames: ['path'], buckets: HELD_BUCKETS, registers }),
    changeQueued(accountId, serial, streams) {
      changesPushed.observe(streams);
      pushes.committed(accountId, serial, performance.now(), streams);
    },
    mapSent(accountId, previous, sent) {
      const ms = pushes.delivered(accountId, previous, sent, performance.now());
      if (ms !== undefined) pushLatency.observe(ms / 1000);
    },
    upstream: createUpstreamMetrics(registry, { connectedStreams: async () => (await connectedStreams.get()).values[0]?.value ?? 0 }),
  };
  zeroKnownSeries(metrics);
  return metrics;
}

/**
 * Exposes every known label combination at zero from the start, so the first event of a kind
 * shows as a rise in `rate()` (a series first seen at 1 reads as no change) and dashboards read
 * 0 rather than "no data". (Sync paths and reasons appear on first use: a reason never seen
 * is told apart from one seen zero times.)
 */
function zeroKnownSeries(m: SessionMetrics): void {
  for (const kind of ['map', 'turn', 'relay', 'deleted']) m.updatesPushed.inc({ kind }, 0);
  for (const result of ['confirmed', 'unconfirmed']) m.mapDeliveries.inc({ result }, 0);
  m.loginDuration.zero({ result: 'ok' });
  for (const result of ['commit', 'rollback']) m.storeTransaction.zero({ result });
  for (const path of ['fast', 'slow', 'none']) m.streamDuration.zero({ path });
}
