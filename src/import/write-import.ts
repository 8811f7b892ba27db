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
    // Every account goes, so the whole audit log goes with them.
    if (existing.length > 0) await tx.activity.deleteOlderThan(Number.MAX_SAFE_INTEGER);
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
      ['networks', plan.networks, (n) => tx.networks.insert(n)],
      ['network resources', plan.networkResources, (r) => tx.networkResources.insert(r)],
      ['network routers', plan.networkRouters, (r) => tx.networkRouters.insert(r)],
      ['DNS zones', plan.dnsZones, (z) => tx.dnsZones.insert(z)],
      ['DNS records', plan.dnsZones.flatMap((z) => z.records), (r) => tx.dnsZones.insertRecord(r)],
    ];
    for (const [kind, items, insert] of steps) {
      let done = 0;
      for (const item of items) {
        await insert(item as never);
        if (++done % PROGRESS_EVERY === 0) progress(`wrote ${done}/${items.length} ${kind}`);
      }
      progress(`wrote ${kind}: ${items.length}`);
    }
    // In upstream's ID order, in batches: the audit log numbers them in that order.
    for (let i = 0; i < plan.events.length; i += PROGRESS_EVERY) {
      await tx.activity.record(plan.events.slice(i, i + PROGRESS_EVERY));
      if (i + PROGRESS_EVERY < plan.events.length) progress(`wrote ${i + PROGRESS_EVERY}/${plan.events.length} audit events`);
    }
    progress(`wrote audit events: ${plan.events.length}`);
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
  for (const z of await tx.dnsZones.list(accountId)) await tx.dnsZones.delete(accountId, z.id);
  for (const repo of [tx.networkRouters, tx.networkResources, tx.networks, tx.policies, tx.routes, tx.nameServerGroups, tx.postureChecks, tx.setupKeys] as const) {
    for (const item of await repo.list(accountId)) await repo.delete(accountId, item.id);
  }
  await tx.accounts.delete(accountId);
}
