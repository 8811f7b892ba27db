/**
 * The Networks part of a plan: networks, then resources (their groups come from the groups'
 * `{ID, Type}` references), then routers, each checked against what the plan already holds.
 */
import type { NetworkResource, NetworkRouter, ResourceNetwork } from '../domain/model.js';
import type { ImportReport } from './import-report.js';
import type { MapContext, ResourceGroupRef } from './kind-importer.js';
import type { ImportedGroup } from './kinds/groups.js';
import { networkResourcesImporter, networkRoutersImporter, networksImporter } from './kinds/networks.js';
import { type Keep, type MapTable, NO_CONTEXT } from './table-mapper.js';

export interface NetworksPart {
  readonly networks: ResourceNetwork[];
  readonly networkResources: NetworkResource[];
  readonly networkRouters: NetworkRouter[];
}

export interface NetworksInput {
  readonly groups: readonly ImportedGroup[];
  readonly peerIds: ReadonlySet<string>;
  readonly inAccount: Keep<{ accountId: string }>;
}

export async function planNetworks(mapTable: MapTable, report: ImportReport, input: NetworksInput): Promise<NetworksPart> {
  const { groups, peerIds, inAccount } = input;
  const refs = new Map<string, ResourceGroupRef[]>();
  for (const g of groups) for (const res of g.resources) refs.set(res.id, [...(refs.get(res.id) ?? []), { groupId: g.group.id, type: res.type }]);
  const withRefs: MapContext = { ...NO_CONTEXT, groupsOfResource: (id) => refs.get(id) ?? [] };
  const groupIds = new Set(groups.map((g) => g.group.id));

  const networks = await mapTable(networksImporter, NO_CONTEXT, inAccount);
  const networkIds = new Set(networks.map((n) => n.id));
  const inNetwork = (x: { accountId: string; networkId: string }) => inAccount(x) ?? (networkIds.has(x.networkId) ? undefined : `network ${x.networkId} is not in the store`);
  const networkResources = await mapTable(networkResourcesImporter, withRefs, inNetwork);
  const resourceIds = new Set(networkResources.map((r) => r.id));
  for (const [id, owners] of refs) if (!resourceIds.has(id)) {
    for (const g of owners) report.unmapped.push({ table: 'groups', rowId: g.groupId, reason: `resources: network resource ${id} is not in the store` });
  }
  const networkRouters = await mapTable(networkRoutersImporter, NO_CONTEXT, (r) =>
    inNetwork(r) ??
    (r.peer !== '' && !peerIds.has(r.peer) ? `peer ${r.peer} is not in the store` : undefined) ??
    r.peerGroups.filter((g) => !groupIds.has(g)).map((g) => `group ${g} is not in the store`)[0],
  );
  return { networks, networkResources, networkRouters };
}
