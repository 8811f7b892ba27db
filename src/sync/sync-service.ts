import type { Clock } from '../domain/clock.js';
import { isRoostError, permissionDenied, RoostError } from '../domain/errors.js';
import type { AccountSnapshot, PeerMeta } from '../domain/model.js';
import { isPeerLoginExpired } from '../netmap/is-peer-login-expired.js';
import type { NetworkMap } from '../netmap/network-map.js';
import { networkOnlyMap } from '../netmap/compute-network-map.js';
import type { SessionMetrics, SyncPathReason } from '../metrics/session-metrics.js';
import type { AccountMaps } from './account-maps.js';
import { freshConfigsPerSecond, refreshPeriods, relayRefreshConfig, turnRefreshConfig, type ControlConfig, type ServicesSettings } from './control-config.js';
import { commitFastPath, commitFastPathNow, tryFastPathSync, type FastPathDeps, type FastPathEligibility, type SyncRequestFacts } from './fast-path.js';
import { LiveStream } from './live-stream.js';
import { loginExpiredIn } from './login-expired-in.js';
import { metaHash } from './meta-hash.js';
import type { SyncPeer } from './peer-identities.js';
import type { PeerRegistry } from './peer-registry.js';
import type { SendGate, Weigh } from './send-gate.js';
import type { SerialReader, SessionLogger, SessionPeers, StatusRecorder } from './sync-ports.js';
import type { SyncMessage } from './sync-message.js';
import { mapTriggerIsStale } from './update-queue.js';

export interface SyncServiceDeps {
  readonly peers: Pick<SessionPeers, 'getAccount' | 'syncPeerMeta'>;
  /** Peers by key, in memory after the first read (PeerIdentities). */
  readonly identities: { find(key: string): Promise<SyncPeer | undefined> };
  readonly serials: SerialReader;
  readonly status: StatusRecorder;
  /** Bounds the full-map sends in progress (first messages of slow Syncs and map pushes). */
  readonly sends: SendGate;
  readonly maps: AccountMaps;
  readonly registry: PeerRegistry<LiveStream>;
  readonly services: ServicesSettings;
  readonly fastPath: FastPathDeps;
  readonly clock: Clock;
  readonly log: SessionLogger;
  readonly metrics: SessionMetrics;
  /** Sync set-ups allowed in flight before RESOURCE_EXHAUSTED; negative = unlimited. */
  readonly maxConcurrentSetups: number;
}

export interface SyncRequest {
  readonly peerKey: string;
  /** The request's meta, converted; the empty record when absent. */
  readonly meta: PeerMeta;
  /** False for clients before v0.28, whose SyncRequest is empty. */
  readonly hasMeta: boolean;
  readonly connectionIp: string;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /**
   * Sends one message (encoding and sealing are the edge's business); resolves once the
   * transport took it, rejects when the client is gone or `ended` aborts. `weigh` learns the
   * encoded size before the write.
   */
  send(msg: SyncMessage, ended?: AbortSignal, weigh?: Weigh): Promise<void>;
  /**
   * True once the client has read everything sent so far (not merely been handed it); false
   * when that cannot be known (connection gone, stream ended, `ended` aborted). Never rejects.
   */
  confirm(ended?: AbortSignal): Promise<boolean>;
}

/** What outlives a sent map: enough for its fast-path entry and metrics. */
type SentMap = Pick<NetworkMap, 'serial' | 'checks'>;

/** What a Sync learnt before it took its set-up slot. */
interface SetupFacts {
  readonly facts: SyncRequestFacts;
  /** The fast-path check, made before the stream was registered (commitFastPath re-reads the serial after). */
  readonly check: FastPathEligibility;
  readonly t0: number;
}

/** Runs Sync streams: first message (fast or slow path), then every update until the stream ends. */
export class SyncService {
  private settingUp = 0;
  /** The path each open stream's first message took, for its closing log line. */
  private readonly paths = new WeakMap<SyncRequestFacts, { path: 'fast' | 'slow'; reason: SyncPathReason }>();
  /** The NetbirdConfig of first messages: fresh credentials, one object per second. */
  private readonly freshConfig: (now: number) => ControlConfig;

  constructor(private readonly deps: SyncServiceDeps) {
    this.freshConfig = freshConfigsPerSecond(deps.services);
  }

  /**
   * Resolves when the stream should end with OK; rejects with a RoostError otherwise. The peer
   * look-up (memory) and the fast-path check (a cache read: a Redis round trip when the cache is
   * shared) come before the set-up slot is taken: waiting on I/O costs no CPU, and counting it
   * would turn a reconnect storm into RESOURCE_EXHAUSTED retries that each cost a GetServerKey
   * and a request to open. The slot bounds the work that follows.
   */
  async run(req: SyncRequest): Promise<void> {
    const { deps } = this;
    deps.metrics.upstream.countSync();
    const t0 = performance.now();
    const facts: SyncRequestFacts = {
      peerKey: req.peerKey,
      goOS: req.meta.goOS,
      hasMeta: req.hasMeta,
      metaHash: metaHash(req.meta),
      connectionIp: req.connectionIp,
      startedAt: deps.clock.now(),
    };
    const peer = await this.admit(req.peerKey);
    const check = await tryFastPathSync(deps.fastPath, peer, facts);
    if (deps.maxConcurrentSetups >= 0 && this.settingUp >= deps.maxConcurrentSetups) {
      throw new RoostError('ResourceExhausted', 'too many concurrent sync requests, please try again later');
    }
    this.settingUp++;
    let setupDone = false;
    const endSetup = () => {
      if (!setupDone) this.settingUp--;
      setupDone = true;
    };
    let stream: LiveStream | undefined;
    try {
      // Registered before anything is computed, so no change can fall between map and channel.
      stream = new LiveStream(peer.id, peer.accountId);
      deps.registry.register(stream);
      deps.metrics.connectedStreams.inc();
      await this.serve(peer, stream, withEnd(req, stream), { facts, check, t0 }, endSetup);
    } finally {
      endSetup();
      if (stream) await this.cleanup(stream, facts);
    }
  }

  /**
   * First message, then updates. A replaced stream ends quietly, even mid-write; one ended by
   * a shutdown ends UNAVAILABLE, so the client reconnects — to another process behind a balancer.
   */
  private async serve(peer: SyncPeer, stream: LiveStream, req: SyncRequest, setup: SetupFacts, endSetup: () => void): Promise<void> {
    const { facts } = setup;
    try {
      const lastSent = await this.firstMessage(peer, req, setup, endSetup);
      endSetup();
      this.startRefreshTimers(stream, req.signal);
      await this.updateLoop(peer, stream, req, facts, lastSent);
    } catch (err) {
      if (stream.closedBy !== 'replaced' && stream.closedBy !== 'shutdown') throw err;
    }
    if (stream.closedBy === 'shutdown' && !req.signal.aborted) throw new RoostError('Unavailable', 'the management server is shutting down, please reconnect');
  }

  /** The peer must exist and, for SSO peers, not be login-expired (by time or marked so by a job). */
  private async admit(peerKey: string): Promise<SyncPeer> {
    const peer = await this.deps.identities.find(peerKey);
    if (!peer) throw permissionDenied('peer is not registered');
    if (peer.userId !== '') {
      const account = await this.deps.peers.getAccount(peer.accountId);
      if (peer.loginExpired || (account && isPeerLoginExpired(peer, account.settings, this.deps.clock.now()))) {
        throw permissionDenied('peer login has expired, please log in once more');
      }
    }
    return peer;
  }

  /**
   * Sends the first message; returns the serial of the map the client now holds. A fast-path
   * Sync stops counting as a set-up once its answer is handed over (with the serial in memory,
   * in the turn its set-up began); a slow one once it queues for the send gate: the gate bounds
   * that work, and counting the queue would turn a storm into RESOURCE_EXHAUSTED retries (each
   * costing a GetServerKey and a request to open) instead of a wait.
   */
  private async firstMessage(peer: SyncPeer, req: SyncRequest, { facts, check, t0 }: SetupFacts, queued: () => void): Promise<number> {
    const { deps } = this;
    let reason: SyncPathReason;
    if (check.eligible) {
      const committed = commitFastPathNow(deps.fastPath, peer, facts, check.serial) ?? (await commitFastPath(deps.fastPath, peer, facts, check.serial));
      if (committed) {
        const answered = this.runFastPathSync(req, check.checks);
        // Its set-up ends once the answer is handed to the transport, as upstream's ends when Send returns.
        queued();
        await answered;
        deps.metrics.syncRequests.inc({ path: 'fast', reason: 'none' });
        deps.metrics.syncFastDuration.observe((performance.now() - t0) / 1000);
        deps.metrics.upstream.syncDuration(performance.now() - t0, peer.accountId);
        this.opened(peer, facts, 'fast', 'none', t0);
        return check.serial;
      }
      reason = 'race';
    } else {
      reason = check.reason;
    }
    const serial = await this.runSlowPathSync(peer, req, facts, queued);
    deps.metrics.syncRequests.inc({ path: 'slow', reason });
    deps.metrics.syncSlowDuration.observe((performance.now() - t0) / 1000);
    deps.metrics.upstream.syncDuration(performance.now() - t0, peer.accountId);
    this.opened(peer, facts, 'slow', reason, t0);
    return serial;
  }

  /** The operator's line for a stream whose first message went out. */
  private opened(peer: SyncPeer, facts: SyncRequestFacts, path: 'fast' | 'slow', reason: SyncPathReason, t0: number): void {
    this.paths.set(facts, { path, reason });
    const ms = Math.round(performance.now() - t0);
    this.deps.log.info({ peerId: peer.id, accountId: peer.accountId, path, reason, ms }, `sync stream opened (${path} path${reason === 'none' ? '' : `: ${reason}`}, first message in ${ms} ms)`);
  }

  /** NetbirdConfig only (fresh credentials), plus the last delivered Checks when any applied. */
  private async runFastPathSync(req: SyncRequest, checks: readonly (readonly string[])[] | undefined): Promise<void> {
    const config = this.freshConfig(this.deps.clock.now());
    await req.send({ config, map: null, checks: checks && checks.length > 0 ? checks.map((files) => ({ files })) : null });
  }

  /** Stores meta, marks connected, computes and sends the full map; records the cache entry once the client has it. */
  private async runSlowPathSync(peer: SyncPeer, req: SyncRequest, facts: SyncRequestFacts, queued: () => void): Promise<number> {
    const { deps } = this;
    await deps.peers.syncPeerMeta(req.peerKey, req.meta).catch((err: unknown) => {
      // Deleted while this Sync was setting up: the client's cue to log in again, as upstream.
      throw isRoostError(err, 'NotFound') ? permissionDenied('peer is not registered') : err;
    });
    deps.status.record(req.peerKey, { connected: true, at: facts.startedAt, connectionIp: req.connectionIp });
    const serial = (await deps.serials.get(peer.accountId)) ?? 0;
    let sent: SentMap | undefined;
    queued();
    await deps.sends.run(async (weigh) => {
      const snapshot = await deps.maps.snapshot(peer.accountId, serial);
      await this.forgetDelivered(req.peerKey);
      const out = this.sendMap(req, snapshot, peer.id, this.freshConfig(deps.clock.now()), weigh);
      sent = out.sent;
      await out.written;
    });
    await this.recordDelivered(peer, req, sent!, facts);
    return sent!.serial;
  }

  /**
   * Computes the peer's map and hands it to the transport in one synchronous step: only its serial
   * and checks outlive this call. A map referenced until its write or the client's confirmation
   * (allow-all, 5,000 peers: arrays of 10,000 rules and 5,000 peers) survives young collections and
   * is promoted, which made the collector most of a fan-out's time after sealing.
   */
  private sendMap(req: SyncRequest, snapshot: AccountSnapshot, peerId: string, config: ControlConfig | null, weigh: Weigh): { sent: SentMap; written: Promise<void> } {
    const map = this.deps.maps.compute(snapshot, peerId);
    return { sent: { serial: map.serial, checks: map.checks }, written: req.send({ config, map, checks: map.checks }, undefined, weigh) };
  }

  /**
   * Before a full map goes out, the peer's entry stops allowing the fast path: until the client
   * confirms the new map, what it holds is unknown (the bytes may never arrive).
   */
  private async forgetDelivered(peerKey: string): Promise<void> {
    await this.deps.fastPath.cache?.delete(peerKey);
  }

  /**
   * Writes the entry for `map` once the client's transport has acknowledged reading it — never
   * on a mere hand-over to the socket, which a broken path swallows. Only while the switch is on
   * and for a real serial (SEMANTICS.md §6.5); the entry carries the peer's login generation.
   */
  private async recordDelivered(peer: SyncPeer, req: SyncRequest, map: SentMap, facts: SyncRequestFacts): Promise<void> {
    const { cache, flag } = this.deps.fastPath;
    if (!cache || !flag.enabled() || map.serial === 0) return;
    const confirmed = await req.confirm();
    this.deps.metrics.mapDeliveries.inc({ result: confirmed ? 'confirmed' : 'unconfirmed' });
    if (!confirmed || !flag.enabled()) return;
    await cache.set(req.peerKey, { serial: map.serial, metaHash: facts.metaHash, checks: map.checks.map((c) => [...c.files]), loginGeneration: peer.loginGeneration });
  }

  private startRefreshTimers(stream: LiveStream, signal: AbortSignal): void {
    const periods = refreshPeriods(this.deps.services);
    const timers: NodeJS.Timeout[] = [];
    if (periods.turnMs) timers.push(setInterval(() => stream.push({ kind: 'config', which: 'turn' }), periods.turnMs));
    if (periods.relayMs) timers.push(setInterval(() => stream.push({ kind: 'config', which: 'relay' }), periods.relayMs));
    const stop = () => timers.forEach(clearInterval);
    stream.onClose(stop);
    signal.addEventListener('abort', stop, { once: true });
  }

  private async updateLoop(peer: SyncPeer, stream: LiveStream, req: SyncRequest, facts: SyncRequestFacts, lastSent: number): Promise<void> {
    const { deps } = this;
    for (;;) {
      const next = await stream.take(req.signal);
      if (!next) return;
      if (next.kind === 'map') {
        if (mapTriggerIsStale(next, lastSent)) continue;
        let map: SentMap | undefined;
        let expired = false;
        // The map is built once this stream's turn comes, from the newest snapshot by then.
        await deps.sends.run(async (weigh) => {
          if (req.signal.aborted) return;
          const snapshot = await deps.maps.snapshot(peer.accountId, next.serial);
          expired = loginExpiredIn(snapshot, peer);
          if (expired) return;
          // A map's serial is its snapshot's.
          if (snapshot.account.network.serial <= lastSent) return;
          await this.forgetDelivered(req.peerKey);
          const out = this.sendMap(req, snapshot, peer.id, null, weigh);
          await out.written;
          map = out.sent;
        });
        // As upstream closes an expired peer's channel: the stream ends OK, the next Sync is refused.
        if (expired) return;
        if (!map) continue;
        deps.metrics.mapSent(peer.accountId, lastSent, map.serial);
        lastSent = map.serial;
        deps.metrics.updatesPushed.inc({ kind: 'map' });
        await this.recordDelivered(peer, req, map, facts);
      } else if (next.kind === 'config') {
        const now = deps.clock.now();
        const config = next.which === 'turn' ? turnRefreshConfig(deps.services, now) : relayRefreshConfig(deps.services, now);
        await req.send({ config, map: null, checks: null });
        deps.metrics.updatesPushed.inc({ kind: next.which });
      } else {
        // Deleted: an empty map tells the client to drop every peer, then the stream ends.
        await req.send({ config: null, map: networkOnlyMap(next.serial, null, 0), checks: null });
        deps.metrics.updatesPushed.inc({ kind: 'deleted' });
        return;
      }
    }
  }

  /**
   * Unregisters (only this exact stream) and marks the peer disconnected — unless a newer stream
   * replaced this one: that stream owns the status, and writing `lastSeen = now` here could
   * make its own (earlier-stamped) connect mark look stale. A deleted peer has no status left.
   */
  private async cleanup(stream: LiveStream, facts: SyncRequestFacts): Promise<void> {
    const noStatusToWrite = stream.closedBy === 'replaced' || stream.closedBy === 'deleted';
    const endedBy = stream.closedBy ?? 'client';
    stream.close('shutdown');
    const wasCurrent = this.deps.registry.unregister(stream);
    this.deps.metrics.connectedStreams.dec();
    const opened = this.paths.get(facts);
    const heldS = Math.max(0, (this.deps.clock.now() - facts.startedAt) / 1000);
    this.deps.metrics.streamDuration.observe({ path: opened?.path ?? 'none' }, heldS);
    this.deps.log.info({ peerId: stream.peerId, accountId: stream.accountId, path: opened?.path ?? 'none', reason: opened?.reason, heldS: Math.round(heldS), endedBy }, `sync stream closed after ${Math.round(heldS)} s (${opened?.path ?? 'no'} path)`);
    if (noStatusToWrite || !wasCurrent) return;
    this.deps.status.record(facts.peerKey, { connected: false, at: this.deps.clock.now(), streamStart: facts.startedAt });
  }
}

/**
 * `req` whose writes also end when the stream is given up (replaced or shut down): a write to a
 * client that stopped reading waits for it, and must not keep a superseded stream alive. A
 * deleted peer's last message is still sent.
 */
function withEnd(req: SyncRequest, stream: LiveStream): SyncRequest {
  const ended = new AbortController();
  stream.onClose(() => {
    if (stream.closedBy !== 'deleted') ended.abort();
  });
  return { ...req, send: (msg, _ended, weigh) => req.send(msg, ended.signal, weigh), confirm: () => req.confirm(ended.signal) };
}
