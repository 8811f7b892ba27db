import type { Account, Peer, PeerMeta } from '../domain/model.js';
import type { PeerSyncEntry } from '../cache/peer-sync-entry.js';
import type { ConnectionChange } from '../domain/peers/connection-change.js';

/** Peer reads and writes the Sync and Login sessions need (store + domain), owned here. */
export interface SessionPeers {
  findPeerByKey(key: string): Promise<Peer | undefined>;
  getAccount(accountId: string): Promise<Account | undefined>;
  syncPeerMeta(peerKey: string, meta: PeerMeta): Promise<{ peer: Peer; changed: boolean; mapChanged: boolean }>;
}

/** The peer-sync cache as the session uses it; never throws. */
export interface PeerSyncCache {
  get(peerKey: string): Promise<PeerSyncEntry | undefined>;
  set(peerKey: string, entry: PeerSyncEntry): Promise<void>;
  delete(peerKey: string): Promise<void>;
}

/** The account serial as Sync reads it (in memory after the first read: AccountSerials). */
export interface SerialReader {
  get(accountId: string): Promise<number | undefined>;
  /** The serial without I/O when it is already in memory (AccountSerials); undefined otherwise. */
  peek?(accountId: string): number | undefined;
}

/** Connection-status changes, written behind the Sync answer (StatusWriter). */
export interface StatusRecorder {
  record(peerKey: string, change: ConnectionChange): void;
}

/** The runtime kill switch. */
export interface FastPathSwitch {
  enabled(): boolean;
}

export interface SessionLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
