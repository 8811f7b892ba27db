import type { PeerRepository } from '../../domain/ports/repositories.js';
import type { EngineTraits } from '../engine-traits.js';
import { byId, fromFlag, toFlag } from '../rows/column-codec.js';
import { peerFromRow, peerToRow } from '../rows/peer-row.js';
import type { DbHandle } from './db-handle.js';

export function createPeerRepository(db: DbHandle, traits: EngineTraits): PeerRepository {
  const select = (lock: boolean | undefined) =>
    db
      .selectFrom('peers')
      .selectAll()
      .$if(lock === true && traits.rowLocks, (q) => q.forUpdate());
  return {
    async get(accountId, id, lock) {
      const row = await select(lock).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : peerFromRow(row);
    },
    async findByKey(key, lock) {
      const row = await select(lock).where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : peerFromRow(row);
    },
    async connectionByKey(key) {
      const row = await db.selectFrom('peers').select(['id', 'connected', 'last_seen', 'connection_ip']).where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : { id: row.id, connected: fromFlag(row.connected), lastSeen: row.last_seen, connectionIp: row.connection_ip };
    },
    async list(accountId) {
      const rows = await db.selectFrom('peers').selectAll().where('account_id', '=', accountId).execute();
      return rows.map(peerFromRow).sort(byId);
    },
    async insert(peer) {
      await db.insertInto('peers').values(peerToRow(peer)).execute();
    },
    async update(peer) {
      const { id, account_id, ...rest } = peerToRow(peer);
      await db.updateTable('peers').set(rest).where('account_id', '=', account_id).where('id', '=', id).execute();
    },
    async setConnection(id, expectedLastSeen, v) {
      const res = await db
        .updateTable('peers')
        .set({ connected: toFlag(v.connected), last_seen: v.lastSeen, connection_ip: v.connectionIp })
        .where('id', '=', id)
        .where('last_seen', '=', expectedLastSeen)
        .executeTakeFirst();
      return res.numUpdatedRows > 0n;
    },
    async delete(accountId, id) {
      await db.deleteFrom('peers').where('account_id', '=', accountId).where('id', '=', id).execute();
    },
    async dnsLabelTaken(accountId, label) {
      const row = await db
        .selectFrom('peers')
        .select('id')
        .where('account_id', '=', accountId)
        .where('dns_label', '=', label)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
