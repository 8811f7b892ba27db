import { H2Channel } from './h2-grpc.js';

/** How peers map to HTTP/2 connections. */
export type ConnectionMode = { readonly kind: 'per-peer' } | { readonly kind: 'shared'; readonly connections: number };

/**
 * The generator's HTTP/2 connections (`host:port` target). `per-peer` gives every peer its own channel and so its own
 * HTTP/2 connection, as real NetBird clients have; `shared` spreads peers over a fixed number
 * of connections (for when the generator runs out of file descriptors or memory).
 */
export class ChannelPool {
  private readonly clients = new Map<number, H2Channel>();

  constructor(
    /** `host:port`, or per slot (peer index in per-peer mode): several servers, a peer each. */
    readonly target: string | ((slot: number) => string),
    readonly mode: ConnectionMode,
  ) {}

  /** The channel peer `index` uses (created on first use; connects lazily). */
  clientFor(index: number): H2Channel {
    const slot = this.slotOf(index);
    let c = this.clients.get(slot);
    if (!c) {
      c = new H2Channel(typeof this.target === 'string' ? this.target : this.target(slot));
      this.clients.set(slot, c);
    }
    return c;
  }

  /** Closes peer `index`'s connection (per-peer mode) so its next call dials anew. */
  reconnect(index: number): void {
    if (this.mode.kind !== 'per-peer') return;
    this.clients.get(index)?.close();
    this.clients.delete(index);
  }

  /** How many channels exist now. */
  get size(): number {
    return this.clients.size;
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  private slotOf(index: number): number {
    return this.mode.kind === 'per-peer' ? index : index % this.mode.connections;
  }
}
