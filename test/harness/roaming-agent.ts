import type { WgKeyPair } from '../../src/crypto/wg-key.js';
import { fromBinary } from '@bufbuild/protobuf';
import { SyncResponseSchema, type NetworkMap } from '../../src/gen/management_pb.js';
import { pollUntil } from './poll.js';
import { GrpcCallError, TestAgent, linuxMeta, status, type SyncStream } from './test-agent.js';

/**
 * A peer that keeps a Sync stream open like a NetBird client does: when its stream ends or
 * fails it backs off briefly and reopens it on the next server in `targets` (as clients behind a
 * TCP load balancer land on another process). Records the newest map serial it received and
 * where it is connected.
 */
export class RoamingAgent {
  lastSerial = 0n;
  /** Serials of every map received, in order (across streams). */
  readonly serials: bigint[] = [];
  remotePeers = 0;
  /**
   * The encoded message that brought the newest map (across streams); kept encoded, as hundreds
   * of agents holding decoded maps of hundreds of peers take gigabytes.
   */
  private lastMapMessage: Uint8Array | undefined;
  /**
   * The target of the open stream once it delivered its first message (a map, or a fast-path
   * answer without one: the map held is still current); undefined while away.
   */
  connectedTo: string | undefined;
  /** Streams opened after the first. */
  reconnects = 0;
  /** Set when a server refused the peer for good (PERMISSION_DENIED, NOT_FOUND): it stops. */
  refused: status | undefined;
  private stream: SyncStream | undefined;
  private agent: TestAgent | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private turn: number;

  constructor(
    readonly keys: WgKeyPair,
    private readonly targets: () => readonly string[],
    home: number,
    private readonly hostname: string,
  ) {
    this.turn = home;
  }

  /** The newest map received (across streams): what the client would be running with. */
  get lastMap(): NetworkMap | undefined {
    return this.lastMapMessage && fromBinary(SyncResponseSchema, this.lastMapMessage).networkMap;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stream?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    let opened = 0;
    while (!this.stopped) {
      const list = this.targets();
      const target = list[this.turn % list.length]!;
      // Its own connection, as each real client has (grpc-js would share one per target).
      this.agent = new TestAgent(target, { keys: this.keys, channelOptions: { 'grpc.use_local_subchannel_pool': 1 } });
      try {
        this.stream = await this.agent.sync({ meta: linuxMeta(this.hostname) });
        if (opened++ > 0) this.reconnects++;
        for (;;) {
          let m;
          try {
            m = await this.stream.next(60_000);
          } catch (e) {
            if (e instanceof Error && /no Sync message within/.test(e.message)) continue;
            throw e;
          }
          // The stream keeps each message's bytes, one per message in order: keep only a map's.
          const bytes = this.stream.inners.shift();
          if (m.networkMap) {
            this.lastMapMessage = bytes;
            this.lastSerial = m.networkMap.serial;
            this.serials.push(m.networkMap.serial);
            this.remotePeers = m.networkMap.remotePeers.length;
          }
          this.connectedTo = target;
        }
      } catch (e) {
        this.connectedTo = undefined;
        if (e instanceof GrpcCallError && (e.code === status.PERMISSION_DENIED || e.code === status.NOT_FOUND)) {
          this.refused = e.code;
          this.stopped = true;
        }
      } finally {
        this.stream?.close();
        this.agent.close();
      }
      if (this.stopped) break;
      this.turn++;
      // The client's retry backoff (PROTOCOL.md §6.8), shortened.
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
}

/** Waits until every agent not refused holds an open stream with a map at `serial` or newer. */
export async function allAtSerial(agents: readonly RoamingAgent[], serial: number, what: string, timeoutMs = 20_000): Promise<void> {
  await pollUntil(() => agents.every((a) => a.refused !== undefined || (a.connectedTo !== undefined && a.lastSerial >= BigInt(serial))), {
    timeoutMs,
    what: `${what}: every peer at serial ${serial} (at the start: ${agents.map((a) => `${a.lastSerial}@${a.connectedTo ?? '-'}`).join(' ')})`,
  });
}
