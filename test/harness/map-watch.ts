import assert from 'node:assert/strict';
import type { NetworkMap, SyncResponse } from '../../src/gen/management_pb.js';
import type { SyncStream } from './test-agent.js';

/**
 * Reads a client's Sync stream and checks the rules every map push must follow, on every
 * message it passes over: after the first message a map push carries no netbirdConfig, and the
 * serials of all maps seen strictly increase.
 */
export class MapWatch {
  /** Serials of every map received, in order. */
  readonly serials: bigint[] = [];
  /** The first message, once `first()` has read it. */
  initial: SyncResponse | undefined;
  private seen = 0;

  constructor(readonly stream: SyncStream) {}

  /** The first message of the stream (must carry a map and the full config). */
  async first(timeoutMs = 5_000): Promise<SyncResponse> {
    const m = await this.stream.next(timeoutMs);
    assert.ok(m.networkMap, 'the first Sync message carries a network map');
    assert.ok(m.netbirdConfig, 'the first Sync message carries netbirdConfig');
    this.record(m);
    this.initial = m;
    return m;
  }

  /** The next map satisfying `pred`; maps skipped on the way are still checked. */
  async map(pred: (m: NetworkMap) => boolean, timeoutMs = 5_000): Promise<NetworkMap> {
    const m = await this.stream.nextMatching((x) => {
      this.record(x);
      return x.networkMap !== undefined && pred(x.networkMap);
    }, timeoutMs);
    return m.networkMap!;
  }

  /** The serial of the newest map seen (0n before any). */
  get lastSerial(): bigint {
    return this.serials[this.serials.length - 1] ?? 0n;
  }

  private record(m: SyncResponse): void {
    const first = this.seen++ === 0;
    if (!m.networkMap) return; // a credential refresh
    if (!first) assert.equal(m.netbirdConfig, undefined, 'map pushes carry no netbirdConfig');
    const last = this.serials[this.serials.length - 1];
    if (last !== undefined) assert.ok(m.networkMap.serial > last, `serial ${m.networkMap.serial} follows ${last}: must strictly increase`);
    this.serials.push(m.networkMap.serial);
  }
}
