/** `groups` (+ members from `group_peers`); network-resource references wait for Networks. */
import type { Group } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { knownObject, objectList, oneOf } from '../values/json-shapes.js';

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

export const groupsImporter: KindImporter<Group> = {
  kind: 'groups',
  table: 'groups',
  columns: ['id', 'account_id', 'name', 'issued', 'resources', 'integration_ref_id', 'integration_ref_integration_type'],
  idOf: (r) => r.text('id'),
  map(r, ctx) {
    const resources = objectList('resources', r.json('resources'), ['ID', 'Type']);
    for (const res of resources) knownObject('resources', res, ['ID', 'Type']);
    if (resources.length > 0) r.dropIfSet('resources', `${resources.length} network resource reference(s): networks are not yet supported by this build`);
    r.dropIfSet('integration_ref_id', 'IdP integrations are not supported');
    r.dropIfSet('integration_ref_integration_type', 'IdP integrations are not supported');
    const id = r.text('id');
    return {
      id,
      accountId: r.text('account_id'),
      name: r.text('name'),
      issued: oneOf('issued', r.text('issued') || 'api', ISSUERS),
      peers: [...ctx.membersOf(id)],
    };
  },
};
