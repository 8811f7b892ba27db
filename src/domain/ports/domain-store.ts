import type { Repositories } from './repositories.js';

/**
 * What domain services need from a store: transactions as callbacks (STYLE.md habit 8) —
 * commit when `fn` resolves, roll back when it throws, nothing to forget — and repositories
 * for reads that need no transaction.
 */
export interface DomainStore {
  withTx<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Autocommit repositories: for reads (and single-statement writes) outside a transaction. */
  readonly repos: Repositories;
}
