import { status } from '@grpc/grpc-js';
import { GrpcCallError } from '../test/harness/test-agent.js';
import { BenchPeer, type VerifyMode } from './bench-peer.js';
import type { ChannelPool } from './channel-pool.js';
import type { CountingSync, SyncEnd, SyncListener } from './counting-sync.js';
import { mapLimit } from './map-limit.js';
import type { SyncResponseSummary } from './sync-response-summary.js';

/** A phase in which many peers (re)connect: when each got its first message, and the cost. */
export interface ConnectResult {
  /** From the phase start until every peer held its first message. */
  readonly wallMs: number;
  /** Per peer, from the phase start to its first message (ascending). */
  readonly firstMs: readonly number[];
  /** Attempts that failed with a retryable code and were retried after a backoff. */
  readonly retries: number;
  /** The retried attempts by code name. */
  readonly retriesByCode: Readonly<Record<string, number>>;
}

/**
 * Codes a NetBird client answers with a backoff and another attempt: the server's set-up
 * limit, a lost connection, and a GetServerKey that got no answer in time.
 */
const RETRYABLE = new Set<status>([status.RESOURCE_EXHAUSTED, status.UNAVAILABLE, status.DEADLINE_EXCEEDED]);

/** The retry delay after `attempt` failed attempts: 100 ms doubling to 1.6 s, ±50 % jitter. */
export function retryDelayMs(attempt: number, random: number): number {
  const base = 100 * 2 ** Math.min(4, Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random));
}

interface FirstWaiter {
  resolve(): void;
  reject(end: SyncEnd): void;
}

/** Errors kept verbatim; the rest are only counted, so a failing run stays bounded in memory. */
const KEPT_ERRORS = 20;

/**
 * N simulated peers over one channel pool, each with at most one open Sync stream. Streams
 * report to the fleet (it is their listener), which counts first messages and serials — the
 * only state kept per peer is the current stream's counters.
 */
export class PeerFleet implements SyncListener {
  readonly peers: BenchPeer[];
  private readonly syncs: (CountingSync | undefined)[];
  private readonly firstWaiters = new Map<CountingSync, FirstWaiter>();
  private serialWait: { target: number; remaining: number; arrivals: number[]; done: () => void } | undefined;
  /** Prefixes recorded errors, so a report says in which phase a stream died. */
  phase = 'setup';
  /** Unexpected stream ends and failed calls (first few verbatim). */
  readonly errors: string[] = [];
  errorCount = 0;

  constructor(
    private pool: ChannelPool,
    n: number,
    verify: VerifyMode = 'sample',
  ) {
    this.peers = Array.from({ length: n }, (_, i) => new BenchPeer(i, () => this.pool.clientFor(i), `bench-${i}`, verify));
    this.syncs = new Array(n).fill(undefined);
  }

  /** Moves the (stream-less) fleet to another server's channels; the old channels are closed. */
  retarget(pool: ChannelPool): void {
    if (this.syncs.some((s) => s !== undefined)) throw new Error('retarget: the fleet still has open streams');
    this.pool.close();
    this.pool = pool;
  }

  get size(): number {
    return this.peers.length;
  }

  /** Registers every peer (setup key per peer index), `concurrency` Logins in flight. */
  async registerAll(setupKeyFor: (index: number) => string, concurrency: number): Promise<number> {
    const t0 = performance.now();
    await mapLimit(this.peers, concurrency, (p) => p.register(setupKeyFor(p.index)));
    return performance.now() - t0;
  }

  /**
   * Opens a stream for every peer without one, at most `concurrency` set-ups in flight (a slot
   * is held until the first message), retrying RESOURCE_EXHAUSTED/UNAVAILABLE with backoff.
   * Rejects when some peer is still unserved at the deadline or an attempt fails otherwise.
   */
  async connectAll(opts: { concurrency: number; deadlineMs: number }): Promise<ConnectResult> {
    const t0 = performance.now();
    const deadline = t0 + opts.deadlineMs;
    const todo = this.peers.filter((p) => this.syncs[p.index] === undefined);
    let retries = 0;
    const retriesByCode: Record<string, number> = {};
    const firstMs = await mapLimit(todo, opts.concurrency, async (peer) => {
      for (let attempt = 1; ; attempt++) {
        const code = await this.tryConnect(peer, deadline);
        if (code === undefined) return this.syncs[peer.index]!.firstAt! - t0;
        if (!RETRYABLE.has(code) || performance.now() > deadline) {
          throw new Error(`peer ${peer.index}: Sync failed with ${status[code]} after ${attempt} attempt(s)`);
        }
        retries++;
        retriesByCode[status[code]] = (retriesByCode[status[code]] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt, Math.random())));
      }
    });
    return { wallMs: performance.now() - t0, firstMs: firstMs.sort((a, b) => a - b), retries, retriesByCode };
  }

  /** One attempt; undefined once the first message is in, else the status that ended it. */
  private async tryConnect(peer: BenchPeer, deadline: number): Promise<status | undefined> {
    let sync: CountingSync;
    try {
      sync = await peer.sync(this);
    } catch (err) {
      if (err instanceof GrpcCallError) return err.code;
      throw err;
    }
    this.syncs[peer.index] = sync;
    try {
      await this.firstMessage(sync, deadline);
      return undefined;
    } catch (err) {
      this.syncs[peer.index] = undefined;
      if (isSyncEnd(err)) return err.code;
      sync.cancel();
      throw err;
    }
  }

  private firstMessage(sync: CountingSync, deadline: number): Promise<void> {
    if (sync.firstAt !== undefined) return Promise.resolve();
    if (sync.end) return Promise.reject(sync.end);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.firstWaiters.delete(sync);
        reject(new Error(`peer ${sync.peerIndex}: no first Sync message before the deadline`));
      }, Math.max(1, deadline - performance.now()));
      this.firstWaiters.set(sync, {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (end) => (clearTimeout(timer), reject(end)),
      });
    });
  }

  /** Cancels every open stream at once; with `newConnections`, per-peer channels are closed too. */
  dropAll(opts: { newConnections: boolean } = { newConnections: false }): void {
    for (let i = 0; i < this.syncs.length; i++) this.drop(i, opts.newConnections);
  }

  drop(index: number, newConnection = false): void {
    const s = this.syncs[index];
    this.syncs[index] = undefined;
    s?.cancel();
    if (newConnection) this.pool.reconnect(index);
  }

  /** Drops and reopens one peer's stream; returns ms from the Sync call to its first message. */
  async reconnectOne(index: number, deadlineMs: number): Promise<number> {
    this.drop(index);
    const peer = this.peers[index]!;
    const code = await this.tryConnect(peer, performance.now() + deadlineMs);
    if (code !== undefined) throw new Error(`peer ${index}: reconnect failed with ${status[code]}`);
    const s = this.syncs[index]!;
    return s.firstAt! - s.openedAt;
  }

  /** Peers without an open stream (dropped by the server, say). */
  missing(): number {
    return this.syncs.filter((s) => s === undefined).length;
  }

  /** Streams currently open (first message received and not ended). */
  openStreams(): number {
    return this.syncs.filter((s) => s !== undefined && s.end === undefined).length;
  }

  /** Highest serial any open stream holds (-1 when none holds a map). */
  maxSerial(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s?.serial ?? -1), -1);
  }

  /** Highest serial any stream of this fleet has received, open or not. */
  maxSerialSeen = -1;

  /** Bytes and messages received on the current streams. */
  traffic(): { messages: number; bytes: number } {
    let messages = 0;
    let bytes = 0;
    for (const s of this.syncs) {
      messages += s?.messages ?? 0;
      bytes += s?.bytes ?? 0;
    }
    return { messages, bytes };
  }

  /**
   * Resolves with the arrival times (performance.now(), ascending) once every open stream
   * holds a serial ≥ `target`; rejects at the deadline.
   */
  waitAllSerial(target: number, deadlineMs: number): Promise<number[]> {
    const behind = this.syncs.filter((s) => s !== undefined && s.serial < target).length;
    if (behind === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const left = this.serialWait?.remaining;
        this.serialWait = undefined;
        reject(new Error(`${left} of ${this.size} peers still below serial ${target} after ${deadlineMs} ms`));
      }, deadlineMs);
      const arrivals: number[] = [];
      this.serialWait = {
        target,
        remaining: behind,
        arrivals,
        done: () => {
          clearTimeout(timer);
          this.serialWait = undefined;
          resolve(arrivals);
        },
      };
    });
  }

  onMessage(sync: CountingSync, summary: SyncResponseSummary, previousSerial: number): void {
    if (summary.serial !== null && summary.serial > this.maxSerialSeen) this.maxSerialSeen = summary.serial;
    if (sync.messages === 1) {
      const w = this.firstWaiters.get(sync);
      this.firstWaiters.delete(sync);
      w?.resolve();
    }
    const wait = this.serialWait;
    if (wait && summary.serial !== null && summary.serial >= wait.target && previousSerial < wait.target && this.syncs[sync.peerIndex] === sync) {
      wait.arrivals.push(performance.now());
      if (--wait.remaining === 0) wait.done();
    }
  }

  onEnd(sync: CountingSync, end: SyncEnd): void {
    const w = this.firstWaiters.get(sync);
    if (w) {
      this.firstWaiters.delete(sync);
      w.reject(end);
      return;
    }
    if (end.byUs) return;
    if (this.syncs[sync.peerIndex] === sync) this.syncs[sync.peerIndex] = undefined;
    this.recordError(`peer ${sync.peerIndex}: open stream ended: ${status[end.code]} ${end.details}`);
  }

  recordError(message: string): void {
    this.errorCount++;
    if (this.errors.length < KEPT_ERRORS) this.errors.push(`[${this.phase}] ${message}`);
  }

  close(): void {
    this.dropAll();
    this.pool.close();
  }
}

function isSyncEnd(x: unknown): x is SyncEnd {
  return typeof x === 'object' && x !== null && 'code' in x && 'byUs' in x;
}
