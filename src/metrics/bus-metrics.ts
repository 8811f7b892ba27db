import { Counter, Histogram, type Registry } from 'prom-client';

/** Seconds from a change's publish on one process to its arrival on another. */
const LAG_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface BusMetrics {
  readonly lag: Histogram;
  readonly resyncs: Counter;
  readonly messages: Counter<'source'>;
  readonly dropped: Counter;
}

/** The change bus between processes (src/bus). */
export function createBusMetrics(registry: Registry): BusMetrics {
  const registers = [registry];
  const metrics: BusMetrics = {
    lag: new Histogram({ name: 'roost_change_bus_lag_seconds', help: 'Time from a change published on another process to its arrival here (then pushed to the streams)', buckets: LAG_BUCKETS, registers }),
    resyncs: new Counter({ name: 'roost_change_bus_resyncs_total', help: 'Accounts resynced from the store because their serial moved without this process hearing of it', registers }),
    dropped: new Counter({ name: 'roost_change_bus_publishes_dropped_total', help: 'Changes not sent on the bus (connection down or too many unanswered); the other processes resync them from the store', registers }),
    messages: new Counter({ name: 'roost_change_bus_messages_total', help: 'Changes received from other processes, by source (bus, reconciliation)', labelNames: ['source'], registers }),
  };
  // Known sources at zero from the start (a first message then reads as a rise in rate()).
  for (const source of ['bus', 'reconciliation']) metrics.messages.inc({ source }, 0);
  return metrics;
}
