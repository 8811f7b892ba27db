/**
 * Maps whole upstream tables with their kind importers: every row through `KindImporter.map`,
 * then the caller's cross-row check (`keep`); rows that fail either, and columns this build does
 * not know, go to the report instead of the plan.
 */
import type { ImportReport } from './import-report.js';
import type { KindImporter, MapContext } from './kind-importer.js';
import { RowReader } from './row-reader.js';
import type { UpstreamSource } from './source/upstream-source.js';
import type { FieldDecryptor } from './values/field-decryptor.js';
import { MapError } from './values/map-error.js';

/** A check across rows (does the referenced account exist…): the reason to refuse, or undefined. */
export type Keep<T> = (item: T) => string | undefined;

/** Maps one table of `from` (the store unless given, e.g. events.db) with one kind. */
export type MapTable = <T>(k: KindImporter<T>, ctx: MapContext, keep?: Keep<T>, from?: UpstreamSource) => Promise<T[]>;

/** A context for kinds that need nothing from other tables. */
export const NO_CONTEXT: MapContext = { membersOf: () => [], rulesOf: () => [], groupsOfResource: () => [] };

const isSet = (v: unknown): boolean => v !== null && v !== undefined && v !== '' && v !== 0 && v !== false;

export function createTableMapper(store: UpstreamSource, report: ImportReport, decrypt: FieldDecryptor, progress: (message: string) => void): MapTable {
  const tablesOf = new Map<UpstreamSource, Promise<Set<string>>>();
  const present = (from: UpstreamSource) => {
    if (!tablesOf.has(from)) tablesOf.set(from, from.tables().then((t) => new Set(t)));
    return tablesOf.get(from)!;
  };
  return async function mapTable<T>(k: KindImporter<T>, ctx: MapContext, keep: Keep<T> = () => undefined, from: UpstreamSource = store): Promise<T[]> {
    if (!(await present(from)).has(k.table)) {
      report.counts.set(k.kind, 0);
      return [];
    }
    const rows = await from.rows(k.table);
    const unknown = (await from.columns(k.table)).filter((c) => !k.columns.includes(c));
    const out: T[] = [];
    for (const raw of rows) {
      const r = new RowReader(raw, decrypt, (reason) => report.dropped.push({ table: k.table, rowId: rowIdOf(k, r), reason }));
      const set = unknown.filter((c) => isSet(raw[c]));
      try {
        if (set.length > 0) throw new MapError(undefined, `unknown column(s) ${set.join(', ')} hold values this build cannot map`);
        const item = k.map(r, ctx);
        const problem = keep(item);
        if (problem !== undefined) throw new MapError(undefined, problem);
        out.push(item);
      } catch (err) {
        if (!(err instanceof MapError)) throw err;
        report.unmapped.push({ table: k.table, rowId: rowIdOf(k, r), reason: err.message });
      }
    }
    for (const c of unknown) if (!rows.some((raw) => isSet(raw[c]))) {
      report.dropped.push({ table: k.table, rowId: '*', reason: `unknown column ${c} is empty in every row; ignored` });
    }
    report.counts.set(k.kind, out.length);
    progress(`read ${k.table}: ${out.length} of ${rows.length} row(s) mapped`);
    return out;
  };
}

function rowIdOf<T>(k: KindImporter<T>, r: RowReader): string {
  try {
    return k.idOf(r) || '(no id)';
  } catch {
    return '(unreadable id)';
  }
}
