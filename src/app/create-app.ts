import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/config.js';
import { ServerEnvelope } from '../crypto/envelope.js';
import { join } from 'node:path';
import { loadSharedServerKey, mirrorIfAbsent } from '../crypto/server-key-file.js';
import { LOCAL_SECRET_FILE, LOCAL_SECRET_NAME } from '../config/local-secret.js';
import { localServiceDefaults } from '../config/config.js';
import { securePrivateDataDir } from '../config/private-data-dir.js';
import { InProcessChangeBus, type ChangeBus } from '../domain/change-bus.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { xidGenerator } from '../domain/id-generator.js';
import { createDomainServices } from '../domain/create-domain-services.js';
import { openGeolocation, withPeerLocations } from '../geo/index.js';
import { createRestApp } from '../rest/create-rest-app.js';
import { MemoryCacheStore } from '../cache/memory-cache-store.js';
import { PeerSerialCache } from '../cache/peer-serial-cache.js';
import type { CacheStore } from '../cache/cache-store.js';
import type { FlagRedisClient } from '../flags/create-flag-redis-client.js';
import { runFastPathFlagRoutine } from '../flags/run-fast-path-flag-routine.js';
import { runLogLevelOverrider } from '../flags/run-log-level-overrider.js';
import type { FastPathSwitch } from '../sync/sync-ports.js';
import { bindGrpcServer, type BoundGrpc } from '../grpc/bind-grpc-server.js';
import { createGrpcServer } from '../grpc/create-grpc-server.js';
import { createSessionAdapter } from '../grpc/session-adapter.js';
import { sshJwtConfig } from '../identity/oidc/ssh-jwt-config.js';
import { createRegistry } from '../metrics/create-registry.js';
import { createMetricsServer } from '../metrics/metrics-server.js';
import { createBusMetrics } from '../metrics/bus-metrics.js';
// The Redis engines (and ioredis under them) are imported only when configured: idle memory.
import { SerialReconciler } from '../bus/serial-reconciler.js';
import { createSessionMetrics } from '../metrics/session-metrics.js';
import { endpointLabel, networkMapObjects } from '../metrics/upstream-metrics.js';
import { timeTransactions } from '../metrics/time-transactions.js';
import { openStore, waitForDatabase, type Store } from '../store/index.js';
import { AccountMaps } from '../sync/account-maps.js';
import { startChangePusher } from '../sync/change-pusher.js';
import type { LiveStream } from '../sync/live-stream.js';
import { LoginService } from '../sync/login-service.js';
import { PeerRegistry } from '../sync/peer-registry.js';
import { SyncService } from '../sync/sync-service.js';
import { AccountSerials } from '../sync/account-serials.js';
import { updatingIdentities, PeerIdentities, type SyncPeer } from '../sync/peer-identities.js';
import { SendGate } from '../sync/send-gate.js';
import { StatusWriter } from '../sync/status-writer.js';
import { createLogger, type Logger } from './create-logger.js';
import { throttledWarn } from '../shared/throttled-warn.js';
import { runOidcDiscovery } from '../identity/oidc/run-oidc-discovery.js';
import { createJwtValidator } from '../identity/jwt/create-jwt-validator.js';
import { createEmbeddedJwtValidator, EmbeddedIdp } from '../idp/index.js';
import { createEmbeddedUserLifecycle } from '../domain/users/embedded-user-lifecycle.js';
import { jwtValidationConfigured } from '../identity/jwt/jwt-validation-configured.js';
import { resolveUserFromAuth } from '../domain/users/resolve-user-from-auth.js';
import { domainPeerJobPorts, PeerActivity, runAuditPruneJob, runPeerJobs } from '../jobs/index.js';

/**
 * How often a process on the Redis bus compares the serials it knows with the store's: the
 * backstop for a change whose publisher died between commit and publish (a reconnect triggers
 * the comparison at once). One indexed query over the accounts this process serves.
 */
const BUS_RECONCILE_MS = 5_000;

/**
 * Full-map sends in progress at once, and how long one may hold its slot while its peer is slow
 * to take the bytes. The gate gives the event loop a turn between maps and bounds the encoded
 * maps held in memory; 16 slots keep the CPU busy while earlier writes drain (allow-all, 1,000
 * peers: fan-out 3.0 s with 16 slots / 50 ms against 6.7 s with 4 / 100 ms). Messages of slow
 * readers are bounded to 256 MiB (a few seconds of what loopback readers take) for up to 10 s
 * each; peers that stopped reading altogether hold one message each beyond that.
 */
const MAP_SENDS = { slots: 16, holdMs: 50, lingerBytes: 256 * 1024 * 1024, stallMs: 10_000 };

/** What tests may replace (STYLE.md habit 3); production passes nothing. */
export interface AppOverrides {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** A forced fast-path switch instead of the Redis-polled one. */
  readonly fastPathFlag?: FastPathSwitch;
  /** The shared cache store (e.g. a failing double); default memory or NB_CACHE_REDIS_ADDRESS. */
  readonly cacheStore?: CacheStore;
  readonly peerSyncTtlMs?: number;
  /** Runs between the fast-path eligibility check and its commit (race tests). */
  readonly afterFastPathEligibility?: (peer: SyncPeer) => Promise<void>;
  /** How long connection-status changes wait to be written in a batch (default 20 ms). */
  readonly statusWriteDelayMs?: number;
  /** Longest real-time wait of the background jobs before they read the clock again (ManualClock tests: a few ms). */
  readonly jobNapMs?: number;
  /** How often the Redis change bus compares known serials with the store (default 5 s; 0 = only on reconnect). */
  readonly busReconcileMs?: number;
  /** Use this store instead of opening `config.store` (it is still migrated and closed). */
  readonly store?: Store;
}

export interface StartupOptions {
  /** Ends the start-up wait for the database (SIGTERM before serving); createApp then rejects. */
  readonly signal?: AbortSignal;
}

export interface BoundPorts {
  readonly grpc: number;
  readonly http: number;
  readonly metrics: number;
}

export interface App {
  readonly serverPublicKey: string;
  readonly store: Store;
  /** The embedded OpenID provider when it runs (tests rotate its keys). */
  readonly idp: EmbeddedIdp | undefined;
  readonly bus: ChangeBus;
  readonly clock: Clock;
  /** The peer-sync cache (tests inspect entries). */
  readonly peerSyncCache: PeerSerialCache;
  readonly fastPathFlag: FastPathSwitch;
  /** Writes the connection-status changes queued so far (they are batched behind Sync). */
  flushStatus(): Promise<void>;
  start(): Promise<BoundPorts>;
  /** Graceful: stops accepting, ends streams, closes the store. Idempotent. */
  stop(): Promise<void>;
}

/**
 * THE composition root, in this visible order: config → logger → keys → store → domain →
 * cache and switches → sessions → servers. Nothing listens until `start()`.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}, startup: StartupOptions = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.logger ?? createLogger(config.logLevel);
  // OIDC discovery (IDENTITY.md §1.2) before anything opens; a failure stops start-up.
  const auth = await runOidcDiscovery(config.auth, { log });
  if (auth !== config.auth) config = Object.freeze({ ...config, auth });
  const background = new AbortController();

  // The data dir holds the server key and (SQLite) the store: 0700, its files 0600.
  for (const c of securePrivateDataDir(config.dataDir)) log.warn({ path: c.path, from: c.from, to: c.to }, `tightened permissions of ${c.path} from ${c.from} to ${c.to}`);

  // A configured geolocation database that cannot be read stops start-up; none at all is upstream's degraded mode.
  const geolocation = await openGeolocation({ path: config.geolocationDb, dataDir: config.dataDir });
  if (geolocation) log.info({ file: geolocation.file }, 'geolocation database loaded');
  else log.info('no geolocation database (NB_GEOLOCATION_DB or GeoLite2-City*.mmdb in the data dir): geo posture checks and the locations API are unavailable');

  const lostConnection = (err: Error) => log.warn({ err }, 'database connection lost; the pool reconnects on demand');
  const store = overrides.store ?? (await openStore(config.store.engine === 'sqlite' ? { engine: 'sqlite', file: config.store.file } : { ...config.store, onConnectionError: lostConnection }));
  // A database still starting (or restarting with us) is waited for, with a warning per attempt.
  await waitForDatabase(() => store.migrate(), { log, signal: startup.signal }).catch(async (err: unknown) => {
    await store.close().catch(() => undefined);
    throw err;
  });
  // Snapshots for maps and the accessible-peers view carry peer locations when a database is loaded.
  const snapshotSource = geolocation ? withPeerLocations(store, geolocation.geo) : store;
  // Shared by every process on the store (several processes): the server key and, with the
  // built-in services, the TURN/relay secret; an existing data-dir file is imported on first start.
  const envelope = new ServerEnvelope(await loadSharedServerKey(config.dataDir, store.serverSecrets, clock.now()));
  if (config.localSecret !== undefined) {
    const candidate = config.localSecret;
    const secret = await store.serverSecrets.getOrCreate(LOCAL_SECRET_NAME, () => candidate, clock.now());
    mirrorIfAbsent(join(config.dataDir, LOCAL_SECRET_FILE), secret);
    config = Object.freeze({ ...config, ...localServiceDefaults(secret), localSecret: secret });
  }
  // The embedded OpenID provider (IDENTITY.md §1.5): its keys, records and users live in the store.
  const idp = config.embeddedIdp
    ? await EmbeddedIdp.create({
        settings: config.embeddedIdp,
        repo: store.idp,
        secrets: store.serverSecrets,
        hasAccounts: async () => (await store.repos.accounts.first()) !== undefined,
        // `roost init`'s owner (no e-mail, no login) gets EmbeddedIdP.Owner as its login (IDENTITY.md §10).
        loginlessOwner: async () => {
          const account = await store.repos.accounts.first();
          const owner = account && (await store.repos.users.get(account.createdBy));
          return owner && owner.role === 'owner' && owner.email === '' ? owner.id : undefined;
        },
        clock,
        log,
      })
    : undefined;
  if (config.embeddedIdp?.issuerDefaulted) {
    log.warn({ issuer: config.embeddedIdp.issuer }, `embedded IdP issuer defaults to ${config.embeddedIdp.issuer}; set EmbeddedIdP.Issuer to the public URL browsers and clients reach`);
  }
  // Several processes on one store hear each other's changes through Redis (src/bus); a bus
  // reconnect (or the periodic check) resyncs what the serials show was missed.
  const registry = createRegistry();
  const busMetrics = createBusMetrics(registry);
  let onBusReconnect = () => {};
  // Opened here, waited for in start(): a Redis still starting delays serving, not start-up.
  const busAddress = config.changeBus?.redisAddress;
  const redisBus = busAddress
    ? (await import('../bus/redis-change-bus.js')).RedisChangeBus.open({
        address: busAddress,
        prefix: config.changeBus!.prefix,
        now: () => Date.now(),
        onLag: (s) => {
          busMetrics.lag.observe(s);
          busMetrics.messages.inc({ source: 'bus' });
        },
        onReconnect: () => {
          log.warn('change bus: reconnected to Redis; comparing serials with the store to resync what was missed');
          onBusReconnect();
        },
        onReconcileRequest: () => {
          log.info('change bus: another process is back on the bus; comparing serials and re-reading peers from the store');
          onBusReconnect();
        },
        onRetry: (attempt, delayMs) => log.warn({ attempt, delayMs }, `change bus: Redis at ${busAddress} unreachable, next attempt in ${delayMs} ms`),
        onDropped: () => busMetrics.dropped.inc(),
        onError: (err) => log.warn({ err }, 'change bus: Redis error (it reconnects; missed changes are resynced)'),
      })
    : undefined;
  const bus: ChangeBus = redisBus ?? new InProcessChangeBus();
  // Transactions are timed (store latency); the metric set they feed is built below.
  let observeTx: (seconds: number, committed: boolean) => void = () => {};
  const txStore = timeTransactions(store, (s, committed) => observeTx(s, committed));
  const domain = createDomainServices({ store: txStore, bus, clock, ids: xidGenerator, dnsDomain: config.dnsDomain });
  const lifecycle = domain.peerLifecycle;

  const cacheStore = overrides.cacheStore ?? (config.cacheRedisAddress ? await (await import('../cache/redis-cache-store.js')).RedisCacheStore.connect(config.cacheRedisAddress) : new MemoryCacheStore({ clock }));
  // A broken cache only costs the slow path, but the operator hears of it (once per 30 s per kind).
  const cacheWarning = throttledWarn(log, 30_000);
  const peerSyncCache = new PeerSerialCache({ store: cacheStore, ttlMs: overrides.peerSyncTtlMs, logger: { debug: (obj, msg) => cacheWarning(obj, `${msg} (fast path falls back to the slow path)`) } });
  const redisClients: FlagRedisClient[] = [];
  const flagRedis = config.peerSync.redisAddress || config.logLevelOverride.redisAddress ? await import('../flags/create-flag-redis-client.js') : undefined;
  const redisFor = (address: string | undefined) => {
    if (!address || !flagRedis) return undefined;
    const c = flagRedis.createFlagRedisClient(address);
    redisClients.push(c);
    return c;
  };
  const fastPathFlag =
    overrides.fastPathFlag ??
    runFastPathFlagRoutine({ redis: redisFor(config.peerSync.redisAddress), key: config.peerSync.key, intervalMs: config.peerSync.intervalMs, logger: log, signal: background.signal });
  const overrideRedis = redisFor(config.logLevelOverride.redisAddress);
  if (overrideRedis) {
    void runLogLevelOverrider({ redis: overrideRedis, key: config.logLevelOverride.key, intervalMs: config.logLevelOverride.intervalMs, logger: log, configuredLevel: config.logLevel, signal: background.signal });
  }

  const metrics = createSessionMetrics(registry, {
    fastPathEnabled: () => fastPathFlag.enabled(),
    onChangePushed: (c) => log.info(c, `change pushed: account ${c.accountId} serial ${c.serial} reached ${c.reached} of ${c.streams} stream(s) in ${Math.round(c.ms)} ms`),
  });
  observeTx = (s, committed) => {
    metrics.storeTransaction.observe({ result: committed ? 'commit' : 'rollback' }, s);
    metrics.upstream.storeTransaction(s * 1000);
  };
  // What a fast-path hit reads lives in memory (peer identities, account serials) and its
  // status write is batched, so the hit runs no SQL.
  const identities = new PeerIdentities({ findPeerByKey: (key) => store.findPeerByKey(key), listPeers: (id) => store.repos.peers.list(id) }, undefined, (err) =>
    log.warn({ err }, 'could not preload peer identities'),
  );
  const serials = new AccountSerials(store);
  const stopSerials = bus.subscribe((change) => {
    serials.observe(change);
    for (const d of change.deletedPeers ?? []) identities.forget(d.key);
    // Another process's Login or meta update: our copy may carry an old login generation.
    if (change.remote) for (const u of change.updatedPeers ?? []) identities.forget(u.key);
    if (change.resync) identities.forgetAccount(change.accountId);
  });
  // The background jobs (src/jobs) learn which accounts to look at from committed changes,
  // status writes and settings updates.
  const activity = new PeerActivity({ findPeer: (key) => identities.find(key), onError: (err) => log.warn({ err }, 'background jobs: could not look up a peer') });
  const stopActivity = bus.subscribe((change) => activity.accountChanged(change.accountId));
  const status = new StatusWriter(activity.observing(lifecycle), {
    delayMs: overrides.statusWriteDelayMs ?? 20,
    maxBatch: 256,
    onError: (err, items) => log.warn({ err, items }, 'could not write peer connection status'),
  });
  const peers = updatingIdentities(
    {
      findPeerByKey: (key: string) => store.findPeerByKey(key),
      getAccount: (id: string) => store.getAccount(id),
      ...lifecycle,
      syncPeerMeta: async (key: string, meta: Parameters<typeof lifecycle.syncPeerMeta>[1]) => {
        const update = await lifecycle.syncPeerMeta(key, meta);
        if (update.changed) metrics.upstream.peerMetaUpdated();
        return update;
      },
    },
    identities,
    // Only other processes need to hear of it (this one updated its copy in place).
    redisBus && ((p) => redisBus.publish({ accountId: p.accountId, serial: serials.peek(p.accountId) ?? 0, peers: [], updatedPeers: [{ id: p.id, key: p.key, loginGeneration: p.loginGeneration }] })),
  );
  const maps = new AccountMaps({ source: snapshotSource, clock, dnsDomain: config.dnsDomain, onCompute: (s, map) => {
    metrics.mapComputeDuration.observe(s);
    metrics.upstream.networkMap(s * 1000, networkMapObjects(map));
  } });
  const streams = new PeerRegistry<LiveStream>();
  const stopResyncMaps = bus.subscribe((change) => {
    if (change.resync) maps.forget(change.accountId);
  });
  const stopPusher = startChangePusher(bus, streams, (change, n, ms) => {
    metrics.changeQueued(change.accountId, change.serial, n);
    metrics.upstream.updateAccountPeers(ms);
  }, (n) => metrics.upstream.updateChannelQueue(n));
  const reconciler =
    redisBus &&
    new SerialReconciler(
      {
        known: () => serials.known(),
        storedSerials: (ids) => store.getAccountSerials(ids),
        vanishedPeers: async (accountId) => {
          const open = streams.ofAccount(accountId);
          if (open.length === 0) return [];
          const stored = new Set((await store.repos.peers.list(accountId)).map((p) => p.id));
          return open.filter((s) => !stored.has(s.peerId)).map((s) => ({ id: s.peerId, key: '' }));
        },
        deliver: (change) => {
          busMetrics.messages.inc({ source: 'reconciliation' });
          redisBus.deliverRemote(change);
        },
        onResync: (n) => {
          busMetrics.resyncs.inc(n);
          log.warn({ accounts: n }, `change bus: resynced ${n} account(s) whose serial moved unheard (a gap in the bus)`);
        },
        onError: (err) => log.warn({ err }, 'change bus: could not compare serials with the store'),
      },
      overrides.busReconcileMs ?? BUS_RECONCILE_MS,
    );
  // What was missed while a process was off the bus: serial moves (the reconciler finds them) and
  // Logins, which move no serial but a peer's login generation — so every peer is re-read.
  if (reconciler)
    onBusReconnect = () => {
      identities.forgetAll();
      void reconciler.trigger();
    };
  const cache = peerSyncCache;
  const fastPath = { flag: fastPathFlag, cache, serials, status, afterEligibility: overrides.afterFastPathEligibility };
  const sends = new SendGate(MAP_SENDS);
  // SSO (IDENTITY.md §2.2, §2.6): one validator for the IdP of config.auth, built only when it
  // can accept a token; its keys are fetched at start. Login turns a JWT into its user with it.
  // With the embedded IdP the keys come from the store, not HTTP.
  const jwtValidator = idp
    ? createEmbeddedJwtValidator(config.auth, idp.jwksSource(), { clock, log })
    : jwtValidationConfigured(config.auth)
      ? createJwtValidator(config.auth, { clock, log })
      : undefined;
  const resolveUser = (auth: Parameters<typeof resolveUserFromAuth>[1]) => resolveUserFromAuth({ store: txStore, bus, clock, ids: xidGenerator }, auth, { log });
  const sso = jwtValidator && { validate: (token: string) => jwtValidator.validate(token), resolve: resolveUser };
  const login = new LoginService({ peers, maps, cache, services: config, clock, dnsDomain: config.dnsDomain, sso, log, observe: (result, s, accountId) => {
    metrics.loginDuration.observe({ result }, s);
    metrics.upstream.countLogin();
    metrics.upstream.loginDuration(s * 1000, accountId);
  } });
  const sync = new SyncService({ peers, identities, serials, status, sends, maps, registry: streams, services: config, fastPath, clock, log, metrics, maxConcurrentSetups: config.maxConcurrentSyncs });

  const grpcServer = createGrpcServer({ envelope, clock, log, sessions: createSessionAdapter({ envelope, login, sync, peers, sshJwt: sshJwtConfig(config.auth) }), authFlows: config.auth, onServerKey: () => metrics.upstream.countServerKey() });
  // The REST edge takes the same validator and provisioning for `Bearer <JWT>` (IDENTITY.md §3.1).
  const embeddedUsers = idp && createEmbeddedUserLifecycle({ users: domain.users, logins: idp.users, invites: store.invites, clock, ids: xidGenerator });
  if (embeddedUsers) idp?.serveInvitePages(embeddedUsers);
  const restApp = createRestApp({
    ...domain,
    accounts: activity.watchingSettings(domain.accounts),
    snapshots: snapshotSource,
    ...(geolocation ? { geo: geolocation.geo } : {}),
    dnsDomain: config.dnsDomain,
    clock,
    log,
    jwt: jwtValidator,
    resolveUser,
    tokenHashes: store.repos.tokens,
    instance: idp?.setup,
    embeddedUsers,
    oidcProvider: idp && { path: idp.mountPath, handle: (req, res) => idp.handle(req, res) },
    onResponse: (r) => metrics.upstream.http({ endpoint: endpointLabel(r.route), method: r.method, code: r.code, ms: r.ms }),
  });
  // Ready once start() has everything listening and until stop() begins (SIGTERM).
  let phase: 'starting' | 'serving' | 'draining' = 'starting';
  const metricsServer: HttpServer = createMetricsServer(registry, {
    serving: async () => {
      if (phase !== 'serving') throw new Error(phase);
    },
    store: () => store.ping(),
    ...(redisBus ? { bus: () => redisBus.ping() } : {}),
  });

  let stopped: Promise<void> | undefined;
  let jobs: Promise<void> | undefined;
  let pruning: Promise<void> | undefined;
  let bound: BoundGrpc | undefined;
  return {
    serverPublicKey: envelope.publicKeyText,
    store,
    idp,
    bus,
    clock,
    peerSyncCache,
    fastPathFlag,
    flushStatus: () => status.flush(),
    async start() {
      // The metrics port first: while the bus is awaited, /ready answers 503 to a load balancer.
      const metricsPort = await listenHttp(metricsServer, config.host, config.metricsPort);
      log.info({ metrics: metricsPort }, `metrics listening on ${config.host}:${metricsPort}`);
      if (redisBus && !redisBus.connected) {
        // A process that cannot hear the others must not serve as if it could: wait (forever, logged per attempt).
        log.warn(`change bus: waiting for Redis at ${busAddress} before serving`);
        await redisBus.whenReady({ signal: startup.signal });
        log.info('change bus: connected');
      }
      void jwtValidator?.prime(); // a failure is logged; validations fetch again
      bound = await bindGrpcServer(grpcServer, {
        host: config.host,
        port: config.grpcPort,
        tls: config.tls,
        handshakeTimeoutMs: config.grpcHandshakeTimeoutMs,
        onAcceptError: (err) => log.warn({ err }, 'grpc: could not accept a connection'),
      });
      const grpc = bound.port;
      log.info({ grpc, host: config.host }, `grpc listening on ${config.host}:${grpc}`);
      await restApp.listen({ host: config.host, port: config.httpPort });
      const http = (restApp.server.address() as AddressInfo).port;
      log.info({ http }, `http listening on ${config.host}:${http}`);
      reconciler?.start();
      jobs ??= runPeerJobs(
        {
          ports: domainPeerJobPorts({ store: txStore, bus, clock, ids: xidGenerator, dnsDomain: config.dnsDomain }),
          activity,
          clock,
          log,
          napMs: overrides.jobNapMs,
          // Every account is looked at once at start (peers may have expired or gone offline while
          // no process ran); later runs follow activity.
          initialAccounts: () => store.repos.accounts.listIds(),
          streamingHere: (peerId) => streams.get(peerId) !== undefined,
        },
        background.signal,
      );
      pruning ??= runAuditPruneJob({ events: store.repos.activity, clock, log, retentionMs: config.auditRetentionMs ?? 0 }, background.signal);
      if (phase === 'starting') phase = 'serving';
      return { grpc, http, metrics: metricsPort };
    },
    stop() {
      stopped ??= (async () => {
        phase = 'draining'; // /ready answers 503 from now on: load balancers take this process out
        // The grace (NB_DRAIN_GRACE) lets a load balancer probing /ready see it before streams end.
        if (bound && (config.drainGraceMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, config.drainGraceMs));
        background.abort();
        stopPusher();
        // Drain: stop accepting first, so clients whose streams end now reconnect elsewhere.
        const unbound = bound?.close();
        streams.closeAll();
        await new Promise<void>((resolve) => grpcServer.tryShutdown(() => resolve()));
        await unbound;
        await restApp.close();
        reconciler?.stop();
        stopResyncMaps();
        stopSerials();
        stopActivity();
        await jobs?.catch((err: unknown) => log.warn({ err }, 'background jobs ended with an error'));
        await pruning;
        await status.flush(); // the disconnects of the streams just closed
        await Promise.all(redisClients.map((c) => c.close().catch(() => undefined)));
        await cacheStore.close().catch(() => undefined);
        await redisBus?.close().catch(() => undefined);
        await store.close();
        await closeHttp(metricsServer); // last: /ready says 503 (not "refused") through the drain
        log.info('stopped');
        log.flush?.();
      })();
      return stopped;
    },
  };
}

function listenHttp(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeHttp(server: HttpServer): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
