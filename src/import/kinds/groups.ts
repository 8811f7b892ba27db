/** `groups` (+ members from `group_peers`); their network-resource references go to the resources. */
import type { Group } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import type { RowReader } from '../row-reader.js';
import { knownObject, objectList, oneOf, str } from '../values/json-shapes.js';

const ISSUERS: readonly Group['issued'][] = ['api', 'jwt', 'integration'];

/** One `group_peers` row: the stored membership upstream derives from group edits and auto-groups. */
export interface GroupMembership {
  readonly accountId: string;
  readonly groupId: string;
  readonly peerId: string;
}

export const groupPeersImporter: KindImporter<GroupMembership> = {
  kind: 'group memberships',
  table: 'group_peers',
  columns: ['account_id', 'group_id', 'peer_id'],
  idOf: (r) => `${r.text('group_id')}/${r.text('peer_id')}`,
  map: (r) => ({ accountId: r.text('account_id'), groupId: r.text('group_id'), peerId: r.text('peer_id') }),
};

/** A group with the `{ID, Type}` network-resource references its row holds (NULL for `All`). */
export interface ImportedGroup {
  readonly group: Group;
  readonly resources: readonly { readonly id: string; readonly type: string }[];
}

function resourceRefsOf(r: RowReader): { id: string; type: string }[] {
  return objectList('resources', r.json('resources'), ['ID', 'Type']).map((res) => {
    const o = knownObject('resources', res, ['ID', 'Type']);
    return { id: str('resources', o, 'ID'), type: str('resources', o, 'Type') };
  });
}

export const groupsImporter: KindImporter<ImportedGroup> = {
  kind: 'groups',
  table: 'groups',
  columns: ['id', 'account_id', 'name', 'issued', 'resources', 'integration_ref_id', 'integration_ref_integration_type'],
  idOf: (r) => r.text('id'),
  map(r, ctx) {
    const resources = resourceRefsOf(r);
    r.dropIfSet('integration_ref_id', 'IdP integrations are not supported');
    r.dropIfSet('integration_ref_integration_type', 'IdP integrations are not supported');
    const id = r.text('id');
    const group: Group = {
      id,
      accountId: r.text('account_id'),
      name: r.text('name'),
      issued: oneOf('issued', r.text('issued') || 'api', ISSUERS),
      peers: [...ctx.membersOf(id)],
    };
    return { group, resources };
  },
};
