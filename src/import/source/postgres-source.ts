import pg from 'pg';
import type { RawRow, UpstreamSource } from './upstream-source.js';

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The DSN with any password masked, for messages. */
export function redactDsn(dsn: string): string {
  return dsn.replace(/(:\/\/[^:/@]*:)[^@]*@/, '$1****@').replace(/(password=)\S+/, '$1****');
}

/**
 * Reads an upstream PostgreSQL store in one read-only, repeatable-read transaction so that
 * every table is seen at the same instant even if something still writes to it. The tables
 * are the ones visible in the connection's current schema (search_path, normally `public`).
 */
export async function openPostgresSource(dsn: string): Promise<UpstreamSource> {
  const client = new pg.Client(pgClientConfig(dsn));
  await client.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    description: redactDsn(dsn),
    async tables() {
      const r = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
      );
      return r.rows.map((x) => x.table_name);
    },
    async columns(table) {
      const r = await client.query<{ column_name: string }>(
        'select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position',
        [table],
      );
      return r.rows.map((x) => x.column_name);
    },
    async rows(table) {
      return (await client.query(`select * from ${ident(table)}`)).rows as RawRow[];
    },
    async count(table) {
      return Number((await client.query<{ n: string }>(`select count(*) as n from ${ident(table)}`)).rows[0]!.n);
    },
    async close() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/** `--from` names a PostgreSQL database when it is a URL or a libpq key=value string. */
export function isPostgresDsn(from: string): boolean {
  return /^postgres(ql)?:\/\//.test(from) || /(^|\s)(host|dbname|user)=/.test(from);
}

/**
 * pg understands URLs only; upstream's own DSNs are often libpq `key=value` strings
 * (`host=127.0.0.1 port=5432 user=postgres dbname=netbird sslmode=disable`).
 */
export function pgClientConfig(dsn: string): pg.ClientConfig {
  if (/^postgres(ql)?:\/\//.test(dsn)) return { connectionString: dsn };
  const kv = new Map<string, string>();
  for (const m of dsn.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/g)) {
    const raw = m[2]!;
    kv.set(m[1]!, raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  const mode = kv.get('sslmode');
  return {
    host: kv.get('host'),
    port: kv.has('port') ? Number(kv.get('port')) : undefined,
    user: kv.get('user'),
    password: kv.get('password'),
    database: kv.get('dbname'),
    ssl: mode === undefined || mode === 'disable' || mode === 'allow' || mode === 'prefer' ? false : { rejectUnauthorized: mode === 'verify-full' || mode === 'verify-ca' },
  };
}
