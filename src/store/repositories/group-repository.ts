import type { Group } from '../../domain/model.js';
import type { GroupRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import type { GroupsTable } from '../schema/database.js';
import type { DbHandle } from './db-handle.js';

function groupFromRow(r: GroupsTable, peers: string[]): Group {
  return { id: r.id, accountId: r.account_id, name: r.name, issued: r.issued as Group['issued'], peers: peers.sort() };
}

export function createGroupRepository(db: DbHandle): GroupRepository {
  const membersOf = async (groupId: string): Promise<string[]> =>
    (await db.selectFrom('group_peers').select('peer_id').where('group_id', '=', groupId).execute()).map((r) => r.peer_id);
  const insertMembers = async (g: Group): Promise<void> => {
    if (g.peers.length === 0) return;
    const rows = [...new Set(g.peers)].map((peer_id) => ({ account_id: g.accountId, group_id: g.id, peer_id }));
    await db.insertInto('group_peers').values(rows).execute();
  };
  const one = async (row: GroupsTable | undefined): Promise<Group | undefined> =>
    row === undefined ? undefined : groupFromRow(row, await membersOf(row.id));

  return {
    async get(accountId, id) {
      return one(await db.selectFrom('groups').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst());
    },
    async findByName(accountId, name) {
      const row = await db
        .selectFrom('groups')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('name', '=', name)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return one(row);
    },
    async list(accountId) {
      const rows = await db.selectFrom('groups').selectAll().where('account_id', '=', accountId).execute();
      const members = await db.selectFrom('group_peers').select(['group_id', 'peer_id']).where('account_id', '=', accountId).execute();
      const byGroup = new Map<string, string[]>();
      for (const m of members) {
        const list = byGroup.get(m.group_id);
        if (list === undefined) byGroup.set(m.group_id, [m.peer_id]);
        else list.push(m.peer_id);
      }
      return rows.map((r) => groupFromRow(r, byGroup.get(r.id) ?? [])).sort(byId);
    },
    async insert(g) {
      await db.insertInto('groups').values({ id: g.id, account_id: g.accountId, name: g.name, issued: g.issued }).execute();
      await insertMembers(g);
    },
    async update(g) {
      await db.updateTable('groups').set({ name: g.name, issued: g.issued }).where('account_id', '=', g.accountId).where('id', '=', g.id).execute();
      await db.deleteFrom('group_peers').where('group_id', '=', g.id).execute();
      await insertMembers(g);
    },
    async delete(accountId, id) {
      await db.deleteFrom('group_peers').where('account_id', '=', accountId).where('group_id', '=', id).execute();
      await db.deleteFrom('groups').where('account_id', '=', accountId).where('id', '=', id).execute();
    },
    async addPeer(accountId, groupId, peerId) {
      await db
        .insertInto('group_peers')
        .values({ account_id: accountId, group_id: groupId, peer_id: peerId })
        .onConflict((oc) => oc.columns(['group_id', 'peer_id']).doNothing())
        .execute();
    },
    async removePeerFromAll(accountId, peerId) {
      await db.deleteFrom('group_peers').where('account_id', '=', accountId).where('peer_id', '=', peerId).execute();
    },
    async groupIdsOfPeer(accountId, peerId) {
      const rows = await db.selectFrom('group_peers').select('group_id').where('account_id', '=', accountId).where('peer_id', '=', peerId).execute();
      return rows.map((r) => r.group_id).sort();
    },
  };
}
