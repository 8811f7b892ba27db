/**
 * `networks`, `network_resources` and `network_routers` (the Networks feature). A resource's
 * groups are not on its row: upstream keeps them as `{ID,Type}` references in `groups.resources`,
 * which the planner indexes first (MapContext.groupsOfResource).
 */
import { parseResourceAddress } from '../../domain/networks/resource-address.js';
import type { NetworkResource, NetworkResourceType, NetworkRouter, ResourceNetwork } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { fail } from '../values/map-error.js';
import { oneOf, stringList } from '../values/json-shapes.js';

const RESOURCE_TYPES: readonly NetworkResourceType[] = ['host', 'subnet', 'domain'];

export const networksImporter: KindImporter<ResourceNetwork> = {
  kind: 'networks',
  table: 'networks',
  columns: ['id', 'account_id', 'name', 'description'],
  idOf: (r) => r.text('id'),
  map: (r) => ({ id: r.text('id'), accountId: r.text('account_id'), name: r.text('name'), description: r.text('description') }),
};

/**
 * The stored type must be what the address itself says (a /32 is a host, a domain a domain):
 * Roost derives the type from the address, so a row that disagrees cannot be read back as stored.
 */
export function resourceTarget(type: NetworkResourceType, prefix: string, domain: string): { prefix: string; domain: string } {
  const address = type === 'domain' ? domain : prefix;
  let parsed;
  try {
    parsed = parseResourceAddress(address);
  } catch (err) {
    return fail(type === 'domain' ? 'domain' : 'prefix', (err as Error).message);
  }
  if (parsed.type !== type) fail('type', `${type} resource with address ${JSON.stringify(address)}, which is a ${parsed.type}`);
  return { prefix: parsed.prefix, domain: parsed.domain };
}

export const networkResourcesImporter: KindImporter<NetworkResource> = {
  kind: 'network resources',
  table: 'network_resources',
  columns: ['id', 'network_id', 'account_id', 'name', 'description', 'type', 'domain', 'prefix', 'enabled'],
  idOf: (r) => r.text('id'),
  map(r, ctx) {
    const id = r.text('id');
    const type = oneOf('type', r.text('type'), RESOURCE_TYPES);
    const target = resourceTarget(type, r.quoted('prefix'), r.text('domain'));
    const groups = ctx.groupsOfResource(id);
    for (const g of groups) if (g.type !== type) fail('type', `group ${g.groupId} refers to it as a ${g.type} resource`);
    return {
      id,
      accountId: r.text('account_id'),
      networkId: r.text('network_id'),
      name: r.text('name'),
      description: r.text('description'),
      type,
      ...target,
      enabled: r.flag('enabled'),
      groups: groups.map((g) => g.groupId),
    };
  },
};

export const networkRoutersImporter: KindImporter<NetworkRouter> = {
  kind: 'network routers',
  table: 'network_routers',
  columns: ['id', 'network_id', 'account_id', 'peer', 'peer_groups', 'masquerade', 'metric', 'enabled'],
  idOf: (r) => r.text('id'),
  map(r) {
    const peer = r.text('peer');
    const peerGroups = stringList('peer_groups', r.json('peer_groups', []));
    if ((peer === '') === (peerGroups.length === 0)) fail('peer', 'a router names either one peer or peer groups');
    const metric = r.int('metric');
    if (metric < 1 || metric > 9999) fail('metric', `${metric} is outside 1..9999`);
    return { id: r.text('id'), accountId: r.text('account_id'), networkId: r.text('network_id'), peer, peerGroups, masquerade: r.flag('masquerade'), metric, enabled: r.flag('enabled') };
  },
};
