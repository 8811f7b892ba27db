/** A raw upstream row: column name → the driver's value (text, number, bigint, boolean, Date, null). */
export type RawRow = Readonly<Record<string, unknown>>;

/**
 * Read-only access to an upstream NetBird store, whatever engine holds it. The importer only
 * ever reads whole tables: stores are small enough (thousands of peers), and reading every
 * column lets it report columns it does not know.
 */
export interface UpstreamSource {
  /** For messages: the file or the DSN without its password. */
  readonly description: string;
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  rows(table: string): Promise<RawRow[]>;
  /** Row count without reading the rows (tables that are only reported, e.g. a long audit log). */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}
