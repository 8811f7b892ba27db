import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { RawRow, UpstreamSource } from './upstream-source.js';

/** Quotes an identifier for SQLite (table names come from sqlite_master, never from input). */
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Opens an upstream SQLite file (store.db or events.db) read-only: the importer never writes
 * to the store it migrates from, and a missing file is an error rather than a new empty one.
 */
export function openSqliteSource(file: string): UpstreamSource {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(false);
  return {
    description: file,
    async tables() {
      const rows = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
      return rows.map((r) => r.name);
    },
    async columns(table) {
      return (db.prepare(`pragma table_info(${ident(table)})`).all() as { name: string }[]).map((c) => c.name);
    },
    async rows(table) {
      return db.prepare(`select * from ${ident(table)}`).all() as RawRow[];
    },
    async count(table) {
      return (db.prepare(`select count(*) as n from ${ident(table)}`).get() as { n: number }).n;
    },
    async close() {
      db.close();
    },
  };
}
