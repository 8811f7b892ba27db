import type { DbHandle } from './db-handle.js';

/** Secrets shared by every process on the store. Values are secret: never log them. */
export interface ServerSecretRepository {
  /**
   * The stored value of `name`; when there is none yet, `candidate` becomes it. Race-free across
   * processes: insert-if-absent, then read back whatever won.
   */
  getOrCreate(name: string, candidate: () => string, now: number): Promise<string>;
}

export function createServerSecretRepository(db: DbHandle): ServerSecretRepository {
  const read = async (name: string) => (await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst())?.value;
  return {
    async getOrCreate(name, candidate, now) {
      const found = await read(name);
      if (found !== undefined) return found;
      await db
        .insertInto('server_secrets')
        .values({ name, value: candidate(), created_at: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const stored = await read(name);
      if (stored === undefined) throw new Error(`server secret ${name} vanished after insert`);
      return stored;
    },
  };
}
