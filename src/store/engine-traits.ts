/** What repositories must know about the engine under them. */
export interface EngineTraits {
  readonly engine: 'sqlite' | 'postgres';
  /** PostgreSQL has `SELECT … FOR UPDATE`; SQLite serialises writers instead. */
  readonly rowLocks: boolean;
}

export const SQLITE_TRAITS: EngineTraits = Object.freeze({ engine: 'sqlite', rowLocks: false });
export const POSTGRES_TRAITS: EngineTraits = Object.freeze({ engine: 'postgres', rowLocks: true });
