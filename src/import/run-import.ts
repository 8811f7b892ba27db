/**
 * One `roost import` run: open the upstream store (SQLite file or PostgreSQL DSN) read-only,
 * plan, then either print the plan (dry run) or write it into Roost's store in one transaction.
 * Nothing is written while any row is unmapped.
 */
import { readFileSync } from 'node:fs';
import { invalidArgument, preconditionFailed } from '../domain/errors.js';
import type { DomainStore } from '../domain/ports/domain-store.js';
import { formatReport, type ImportReport } from './import-report.js';
import { planImport } from './plan-import.js';
import { isPostgresDsn, openPostgresSource } from './source/postgres-source.js';
import { openSqliteSource } from './source/sqlite-source.js';
import type { UpstreamSource } from './source/upstream-source.js';
import { createFieldDecryptor } from './values/field-decryptor.js';
import { writeImport } from './write-import.js';

export interface ImportRequest {
  /** SQLite file path or PostgreSQL DSN of upstream's store. */
  readonly from: string;
  /** upstream's events.db. */
  readonly events?: string;
  /** upstream's management.json (for DataStoreEncryptionKey). */
  readonly config?: string;
  readonly dryRun: boolean;
  readonly replace: boolean;
}

export interface ImportIo {
  /** Opens Roost's (migrated) target store; not called on a dry run. */
  openTarget(): Promise<DomainStore & { close(): Promise<void> }>;
  /** Report lines (stdout). */
  out(text: string): void;
  /** Progress lines (stderr). */
  progress(message: string): void;
}

/** The encryption key from upstream's management.json, if it sets one. */
export function readEncryptionKey(file: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalidArgument(`cannot read ${file} as JSON: ${(err as Error).message}`);
  }
  const key = (json as { DataStoreEncryptionKey?: unknown }).DataStoreEncryptionKey;
  if (key !== undefined && typeof key !== 'string') throw invalidArgument(`${file}: DataStoreEncryptionKey is not a string`);
  return key;
}

export function openUpstream(from: string): Promise<UpstreamSource> {
  return isPostgresDsn(from) ? openPostgresSource(from) : Promise.resolve(openSqliteSource(from));
}

/** Runs the import; resolves with the report (the caller chooses the exit code). */
export async function runImport(req: ImportRequest, io: ImportIo): Promise<ImportReport> {
  const decrypt = createFieldDecryptor(req.config === undefined ? undefined : readEncryptionKey(req.config));
  const source = await openUpstream(req.from);
  const events = req.events === undefined ? undefined : openSqliteSource(req.events);
  let plan;
  try {
    plan = await planImport({ source, events, decrypt, onProgress: io.progress });
  } finally {
    await source.close();
    await events?.close();
  }
  const { report } = plan;
  if (req.dryRun) {
    io.out(`dry run: nothing written\n${formatReport(report)}`);
    return report;
  }
  if (report.unmapped.length > 0) {
    io.out(formatReport(report));
    throw preconditionFailed(`${report.unmapped.length} row(s) cannot be mapped (listed above); nothing was written`);
  }
  const target = await io.openTarget();
  try {
    await writeImport(target, plan, { replace: req.replace, onProgress: io.progress });
  } finally {
    await target.close();
  }
  io.out(`imported\n${formatReport(report)}`);
  return report;
}
