import { UniqueViolation } from '../../domain/ports/unique-violation.js';
import type { DbHandle } from './db-handle.js';

/** A signing key as stored: the private JWK (JSON text) of one generation. */
export interface StoredSigningKey {
  readonly generation: number;
  readonly kid: string;
  readonly privateJwk: string;
  readonly createdAtMs: number;
}

/** A local user of the embedded provider; `email` is lower-cased. */
export interface IdpUserRecord {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly createdAtMs: number;
}

/** The lookup columns of a provider record, besides its id. */
export interface PayloadIndex {
  readonly grantId?: string;
  readonly userCode?: string;
  readonly uid?: string;
  /** Epoch ms. */
  readonly expiresAtMs: number;
}

/**
 * The embedded provider's storage (src/idp): signing keys, the library's records (opaque JSON
 * with a few indexed columns), local users. Expired records are never returned.
 */
export interface IdpRepository {
  /** Newest generation first. */
  listSigningKeys(): Promise<StoredSigningKey[]>;
  /** False when another process already stored that generation (it wins). */
  insertSigningKey(key: StoredSigningKey): Promise<boolean>;
  deleteSigningKeysBelow(generation: number): Promise<void>;
  upsertPayload(model: string, id: string, payload: string, index: PayloadIndex): Promise<void>;
  /** The payload JSON and when it was consumed (undefined = not consumed). */
  findPayload(model: string, id: string, nowMs: number, by?: 'id' | 'user_code' | 'uid'): Promise<{ payload: string; consumedAtMs?: number } | undefined>;
  consumePayload(model: string, id: string, atMs: number): Promise<void>;
  destroyPayload(model: string, id: string): Promise<void>;
  revokeGrant(grantId: string): Promise<void>;
  pruneExpiredPayloads(nowMs: number): Promise<number>;
  findUserByEmail(email: string): Promise<IdpUserRecord | undefined>;
  findUserById(id: string): Promise<IdpUserRecord | undefined>;
  /** False when the e-mail (or id) is taken. */
  insertUser(user: IdpUserRecord): Promise<boolean>;
  /** Sets the hash and username of the user with that e-mail, creating it when absent. */
  upsertUserByEmail(user: IdpUserRecord): Promise<void>;
  countUsers(): Promise<number>;
  /** False when no user has that id. */
  updateUserPassword(id: string, passwordHash: string): Promise<boolean>;
  deleteUser(id: string): Promise<void>;
}

export function createIdpRepository(db: DbHandle): IdpRepository {
  const insertOnce = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (err) {
      if (err instanceof UniqueViolation || isUniqueError(err)) return false;
      throw err;
    }
  };
  return {
    async listSigningKeys() {
      const rows = await db.selectFrom('idp_signing_keys').selectAll().orderBy('generation', 'desc').execute();
      return rows.map((r) => ({ generation: Number(r.generation), kid: r.kid, privateJwk: r.private_jwk, createdAtMs: Number(r.created_at) }));
    },
    insertSigningKey(k) {
      return insertOnce(() =>
        db
          .insertInto('idp_signing_keys')
          .values({ generation: k.generation, kid: k.kid, private_jwk: k.privateJwk, created_at: k.createdAtMs })
          .execute(),
      );
    },
    async deleteSigningKeysBelow(generation) {
      await db.deleteFrom('idp_signing_keys').where('generation', '<', generation).execute();
    },
    async upsertPayload(model, id, payload, index) {
      const row = { payload, grant_id: index.grantId ?? null, user_code: index.userCode ?? null, uid: index.uid ?? null, expires_at: index.expiresAtMs };
      await db
        .insertInto('idp_payloads')
        .values({ model, id, ...row, consumed_at: null })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
        .execute();
    },
    async findPayload(model, id, nowMs, by = 'id') {
      const row = await db
        .selectFrom('idp_payloads')
        .select(['payload', 'consumed_at'])
        .where('model', '=', model)
        .where(by, '=', id)
        .where('expires_at', '>', nowMs)
        .executeTakeFirst();
      if (!row) return undefined;
      return row.consumed_at === null ? { payload: row.payload } : { payload: row.payload, consumedAtMs: Number(row.consumed_at) };
    },
    async consumePayload(model, id, atMs) {
      await db.updateTable('idp_payloads').set({ consumed_at: atMs }).where('model', '=', model).where('id', '=', id).execute();
    },
    async destroyPayload(model, id) {
      await db.deleteFrom('idp_payloads').where('model', '=', model).where('id', '=', id).execute();
    },
    async revokeGrant(grantId) {
      await db.deleteFrom('idp_payloads').where('grant_id', '=', grantId).execute();
    },
    async pruneExpiredPayloads(nowMs) {
      const r = await db.deleteFrom('idp_payloads').where('expires_at', '<=', nowMs).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async findUserByEmail(email) {
      const row = await db.selectFrom('idp_users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row && userFromRow(row);
    },
    async findUserById(id) {
      const row = await db.selectFrom('idp_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },
    insertUser(u) {
      return insertOnce(() => db.insertInto('idp_users').values(userToRow(u)).execute());
    },
    async upsertUserByEmail(u) {
      await db
        .insertInto('idp_users')
        .values(userToRow(u))
        .onConflict((oc) => oc.column('email').doUpdateSet({ password_hash: u.passwordHash, username: u.username }))
        .execute();
    },
    async countUsers() {
      const r = await db.selectFrom('idp_users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async updateUserPassword(id, passwordHash) {
      const r = await db.updateTable('idp_users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async deleteUser(id) {
      await db.deleteFrom('idp_users').where('id', '=', id).execute();
    },
  };
}

function userFromRow(r: { id: string; email: string; username: string; name: string; password_hash: string; created_at: number }): IdpUserRecord {
  return { id: r.id, email: r.email, username: r.username, name: r.name, passwordHash: r.password_hash, createdAtMs: Number(r.created_at) };
}

function userToRow(u: IdpUserRecord) {
  return { id: u.id, email: u.email.toLowerCase(), username: u.username, name: u.name, password_hash: u.passwordHash, created_at: u.createdAtMs };
}

/** Raw driver unique errors (this repository is also used unguarded inside the store). */
function isUniqueError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
