import { Client, credentials } from '@grpc/grpc-js';

/** How peers map to HTTP/2 connections. */
export type ConnectionMode = { readonly kind: 'per-peer' } | { readonly kind: 'shared'; readonly connections: number };

const CHANNEL_OPTIONS = {
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  // grpc-js shares connections between equal channels through a global pool, whose lookup is
  // linear in the number of pooled connections; a local pool per channel keeps one
  // connection per channel and the lookup O(1).
  'grpc.use_local_subchannel_pool': 1,
} as const;

/**
 * The generator's gRPC channels. `per-peer` gives every peer its own channel and so its own
 * HTTP/2 connection, as real NetBird clients have; `shared` spreads peers over a fixed number
 * of connections (for when the generator runs out of file descriptors or memory).
 */
export class ChannelPool {
  private readonly clients = new Map<number, Client>();

  constructor(
    readonly target: string,
    readonly mode: ConnectionMode,
  ) {}

  /** The channel peer `index` uses (created on first use; connects lazily). */
  clientFor(index: number): Client {
    const slot = this.slotOf(index);
    let c = this.clients.get(slot);
    if (!c) {
      c = new Client(this.target, credentials.createInsecure(), CHANNEL_OPTIONS);
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
