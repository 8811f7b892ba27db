/**
 * The live Sync streams of this process, by peer ID, with an index by account for fan-out.
 * A newer stream of the same peer replaces (and closes) the older one; cleanup acts only on the
 * exact stream it was given, so an old stream ending late never closes its successor (an
 * upstream bug, SEMANTICS.md §6.3).
 */
export interface RegisteredStream {
  readonly peerId: string;
  readonly accountId: string;
  /** Ends the stream from the server side (replaced, peer deleted, shutdown). */
  close(reason: 'replaced' | 'deleted' | 'shutdown'): void;
}

export class PeerRegistry<S extends RegisteredStream = RegisteredStream> {
  private readonly byPeer = new Map<string, S>();
  private readonly byAccount = new Map<string, Set<string>>();

  get size(): number {
    return this.byPeer.size;
  }

  /** Registers `stream`, closing and replacing any older stream of the same peer. */
  register(stream: S): void {
    const old = this.byPeer.get(stream.peerId);
    this.byPeer.set(stream.peerId, stream);
    let peers = this.byAccount.get(stream.accountId);
    if (!peers) this.byAccount.set(stream.accountId, (peers = new Set()));
    peers.add(stream.peerId);
    if (old && old !== stream) old.close('replaced');
  }

  /** Removes `stream` if, and only if, it is still the registered one. Returns whether it was. */
  unregister(stream: S): boolean {
    if (this.byPeer.get(stream.peerId) !== stream) return false;
    this.byPeer.delete(stream.peerId);
    const peers = this.byAccount.get(stream.accountId);
    peers?.delete(stream.peerId);
    if (peers?.size === 0) this.byAccount.delete(stream.accountId);
    return true;
  }

  get(peerId: string): S | undefined {
    return this.byPeer.get(peerId);
  }

  /** The streams of one account (a snapshot: safe to mutate the registry while iterating). */
  ofAccount(accountId: string): S[] {
    const ids = this.byAccount.get(accountId);
    if (!ids) return [];
    const out: S[] = [];
    for (const id of ids) {
      const s = this.byPeer.get(id);
      if (s) out.push(s);
    }
    return out;
  }

  /** Closes every stream (server shutdown). */
  closeAll(): void {
    for (const s of [...this.byPeer.values()]) s.close('shutdown');
  }
}
