import type { DomainDeps } from './domain-deps.js';
import { PendingChanges } from './pending-changes.js';
import type { Repositories } from './ports/repositories.js';

/** A transaction as domain code sees it: the repositories plus the changes to publish. */
export interface DomainTx extends Repositories {
  readonly changes: PendingChanges;
}

/**
 * Runs `fn` in one store transaction and, only once it has committed, publishes the account
 * changes recorded by `bumpSerial` inside it. A rollback publishes nothing.
 */
export async function transact<T>(deps: Pick<DomainDeps, 'store' | 'bus'>, fn: (tx: DomainTx) => Promise<T>): Promise<T> {
  let changes = new PendingChanges();
  const result = await deps.store.withTx((repos) => {
    changes = new PendingChanges();
    return fn({ ...repos, changes });
  });
  for (const change of changes.toChanges()) deps.bus.publish(change);
  return result;
}
