/**
 * Writes an import plan through the store's repositories in ONE transaction: either every row
 * lands or none does. A target that already holds an account is refused unless `replace`,
 * which empties it inside the same transaction.
 */
import { preconditionFailed } from '../domain/errors.js';
import type { Repositories } from '../domain/ports/repositories.js';
import type { DomainStore } from '../domain/ports/domain-store.js';
import type { ImportPlan } from './plan-import.js';

export interface WriteOptions {
  readonly replace: boolean;
  readonly onProgress?: (message: string) => void;
}

/** Rows between two progress lines of one kind. */
const PROGRESS_EVERY = 500;

export async function writeImport(store: DomainStore, plan: ImportPlan, opts: WriteOptions): Promise<void> {
  const progress = opts.onProgress ?? (() => undefined);
  await store.withTx(async (tx) => {
    const existing = await tx.accounts.listIds();
    if (existing.length > 0 && !opts.replace) {
      throw preconditionFailed(`the target store already holds ${existing.length} account(s) (${existing.slice(0, 3).join(', ')}); pass --replace to overwrite it`);
    }
    for (const id of existing) await emptyAccount(tx, id);
    if (existing.length > 0) progress(`removed ${existing.length} existing account(s)`);

    const steps: [string, readonly unknown[], (item: never) => Promise<void>][] = [
      ['accounts', plan.accounts, (a) => tx.accounts.insert(a)],
      ['users', plan.users, (u) => tx.users.insert(u)],
      ['personal access tokens', plan.tokens, (t) => tx.tokens.insert(t)],
      ['peers', plan.peers, (p) => tx.peers.insert(p)],
      ['groups', plan.groups, (g) => tx.groups.insert(g)],
      ['posture checks', plan.postureChecks, (c) => tx.postureChecks.insert(c)],
      ['policies', plan.policies, (p) => tx.policies.insert(p)],
      ['routes', plan.routes, (r) => tx.routes.insert(r)],
      ['nameserver groups', plan.nameServerGroups, (n) => tx.nameServerGroups.insert(n)],
      ['setup keys', plan.setupKeys, (k) => tx.setupKeys.insert(k)],
    ];
    for (const [kind, items, insert] of steps) {
      let done = 0;
      for (const item of items) {
        await insert(item as never);
        if (++done % PROGRESS_EVERY === 0) progress(`wrote ${done}/${items.length} ${kind}`);
      }
      progress(`wrote ${kind}: ${items.length}`);
    }
    progress('committing');
  });
}

/** Deletes every aggregate of the account, then the account (for --replace). */
async function emptyAccount(tx: Repositories, accountId: string): Promise<void> {
  for (const u of await tx.users.list(accountId)) {
    for (const t of await tx.tokens.listByUser(u.id)) await tx.tokens.delete(u.id, t.id);
    await tx.users.delete(accountId, u.id);
  }
  for (const g of await tx.groups.list(accountId)) await tx.groups.delete(accountId, g.id);
  for (const p of await tx.peers.list(accountId)) await tx.peers.delete(accountId, p.id);
  for (const repo of [tx.policies, tx.routes, tx.nameServerGroups, tx.postureChecks, tx.setupKeys] as const) {
    for (const item of await repo.list(accountId)) await repo.delete(accountId, item.id);
  }
  await tx.accounts.delete(accountId);
}
