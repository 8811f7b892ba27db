/**
 * The ChangeBus engines (the port is domain/change-bus.ts): the in-process bus for one process
 * (domain/), and Redis for several processes on one store (NB_CHANGE_BUS_REDIS_ADDRESS).
 *
 * Why Pub/Sub rather than Streams: the bus carries invalidations, not the data — the store holds
 * every change and each account's serial says how far it has gone. Whatever a process misses
 * (its connection dropped, a publisher died between commit and publish) is found by comparing
 * the serials it knows with the store's (SerialReconciler, on reconnect and periodically) and
 * resynced from the store. Streams would replay from an ID but still need that reconciliation
 * (a flushed or failed-over Redis loses them), plus trimming and per-process positions; Pub/Sub
 * adds nothing to Redis's memory and is the lowest-latency fan-out.
 *
 * Nothing is queued while Redis is away: a process waits for it at start (not serving until it
 * hears the others), and drops its publishes while its connection is down — the serial
 * comparison on the other processes finds those changes, and a reconcile request sent when the
 * connection returns makes them look at once.
 *
 * It must not hold business rules or read the store itself: what changed is the domain's, what
 * to reload is given to the reconciler as small ports by create-app.
 */
export { RedisChangeBus, type RedisChangeBusOptions } from './redis-change-bus.js';
export { SerialReconciler, type SerialReconcilerDeps } from './serial-reconciler.js';
export { encodeBusMessage, decodeBusMessage, type BusMessage } from './bus-message.js';
