import { notFound } from '../domain/errors.js';
import type { AccountSnapshot } from '../domain/model.js';
import type { Repositories } from '../domain/ports/repositories.js';

/**
 * Every collection of one account, read through `repos` — which the caller binds to one
 * read-only transaction so all ten queries see the same serial. Collections are sorted by ID
 * so both engines return identical snapshots.
 */
export async function loadAccountSnapshot(repos: Repositories, accountId: string): Promise<AccountSnapshot> {
  const account = await repos.accounts.get(accountId);
  if (account === undefined) throw notFound(`account ${accountId} not found`);
  const [peers, users, groups, policies, postureChecks, routes, nameServerGroups, networks, networkResources, networkRouters, dnsZones] = await Promise.all([
    repos.peers.list(accountId),
    repos.users.list(accountId),
    repos.groups.list(accountId),
    repos.policies.list(accountId),
    repos.postureChecks.list(accountId),
    repos.routes.list(accountId),
    repos.nameServerGroups.list(accountId),
    repos.networks.list(accountId),
    repos.networkResources.list(accountId),
    repos.networkRouters.list(accountId),
    repos.dnsZones.list(accountId),
  ]);
  return { account, peers, users, groups, policies, postureChecks, routes, nameServerGroups, networks, networkResources, networkRouters, dnsZones };
}
