import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

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
}

export function createSessionMetrics(registry: Registry, opts: { fastPathEnabled?: () => boolean } = {}): SessionMetrics {
  const registers = [registry];
  return {
    loginDuration: new Histogram({ name: 'roost_login_duration_seconds', help: 'Login handling time by result (ok or the error kind)', labelNames: ['result'], buckets: LATENCY_BUCKETS, registers }),
    syncRequests: new Counter({ name: 'roost_sync_requests_total', help: 'Sync streams opened, by path (fast/slow) and slow-path reason', labelNames: ['path', 'reason'], registers }),
    syncFastDuration: new Histogram({ name: 'roost_sync_fast_duration_seconds', help: 'Time from Sync request to the first message sent, fast path', buckets: LATENCY_BUCKETS, registers }),
    syncSlowDuration: new Histogram({ name: 'roost_sync_slow_duration_seconds', help: 'Time from Sync request to the first message sent, slow path', buckets: LATENCY_BUCKETS, registers }),
    connectedStreams: new Gauge({ name: 'roost_sync_streams_connected', help: 'Sync streams currently open on this process', registers }),
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
  };
}
