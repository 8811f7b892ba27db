import type { AccountChange } from './change-bus.js';

/** Which peers a change concerns. */
export interface ChangeScope {
  readonly peers?: 'all' | readonly string[];
  readonly deletedPeers?: readonly { readonly id: string; readonly key: string }[];
}

interface Pending {
  readonly serial: number;
  readonly kinds: string[];
  peers: 'all' | Set<string>;
  readonly deleted: Map<string, { readonly id: string; readonly key: string }>;
}

/**
 * The serial-advancing changes of one transaction, per account, merged into one
 * `AccountChange` each; published only after the transaction commits.
 */
export class PendingChanges {
  private readonly byAccount = new Map<string, Pending>();

  /** The serial this transaction already moved the account to, if it did. */
  serialOf(accountId: string): number | undefined {
    return this.byAccount.get(accountId)?.serial;
  }

  /** The kinds of change recorded for the account, in order (for logs and tests). */
  kindsOf(accountId: string): readonly string[] {
    return this.byAccount.get(accountId)?.kinds ?? [];
  }

  record(accountId: string, serial: number, kind: string, scope: ChangeScope): void {
    this.byAccount.set(accountId, { serial, kinds: [], peers: new Set(), deleted: new Map() });
    this.merge(accountId, kind, scope);
  }

  /** Widens an already recorded change; `all` absorbs any list. */
  merge(accountId: string, kind: string, scope: ChangeScope): void {
    const p = this.byAccount.get(accountId);
    if (p === undefined) return;
    p.kinds.push(kind);
    const peers = scope.peers ?? 'all';
    if (peers === 'all' || p.peers === 'all') p.peers = 'all';
    else for (const id of peers) p.peers.add(id);
    for (const d of scope.deletedPeers ?? []) p.deleted.set(d.id, d);
  }

  toChanges(): AccountChange[] {
    return [...this.byAccount].map(([accountId, p]) => ({
      accountId,
      serial: p.serial,
      peers: p.peers === 'all' ? 'all' : [...p.peers].sort(),
      ...(p.deleted.size > 0 ? { deletedPeers: [...p.deleted.values()] } : {}),
    }));
  }
}
