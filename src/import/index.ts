/**
 * `roost import`: moves an upstream NetBird management store (SQLite or PostgreSQL, plus its
 * events.db) into Roost's store so that every client keeps its key, IP and DNS name. One small
 * importer per kind (kinds/) maps upstream rows to domain types; the planner collects what it
 * cannot map; the writer stores everything through the repositories in one transaction.
 *
 * It must not write to the upstream store, guess values it cannot read (unknown columns, enum
 * values, undecryptable fields are reported), or write anything when a row is unmapped.
 */
export { runImport, type ImportRequest, type ImportIo } from './run-import.js';
export { formatReport, type ImportReport } from './import-report.js';
