/**
 * What an import found, for the dry run and for the refusal of a real run: rows per kind, rows
 * it cannot map (with the reason), tables this build does not import yet, values it drops.
 */
export interface RowIssue {
  readonly table: string;
  /** The row's ID (or key columns); `*` when the issue concerns a whole table or column. */
  readonly rowId: string;
  readonly reason: string;
}

export interface SkippedTable {
  readonly table: string;
  readonly rows: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly source: string;
  /** Kind → rows mapped. */
  readonly counts: Map<string, number>;
  readonly unmapped: RowIssue[];
  /** Kinds upstream has and this build cannot store yet (networks, DNS zones, audit events). */
  readonly notYetSupported: SkippedTable[];
  /** Upstream tables that have no counterpart in Roost by design (install ID, onboarding). */
  readonly notApplicable: SkippedTable[];
  /** Non-default values of known columns this build does not keep. */
  readonly dropped: RowIssue[];
}

export function emptyReport(source: string): ImportReport {
  return { source, counts: new Map(), unmapped: [], notYetSupported: [], notApplicable: [], dropped: [] };
}

/** The report as the CLI prints it; every unmapped row on its own line. */
export function formatReport(report: ImportReport): string {
  const lines = [`source: ${report.source}`, 'rows per kind:'];
  const width = Math.max(0, ...[...report.counts.keys()].map((k) => k.length));
  for (const [kind, n] of report.counts) lines.push(`  ${kind.padEnd(width)}  ${n}`);
  if (report.notYetSupported.length > 0) {
    lines.push('not yet supported by this build (not imported):');
    for (const t of report.notYetSupported) lines.push(`  ${t.table}: ${t.rows} row(s) — ${t.reason}`);
  }
  if (report.notApplicable.length > 0) {
    lines.push('skipped, no counterpart in Roost:');
    for (const t of report.notApplicable) lines.push(`  ${t.table}: ${t.rows} row(s) — ${t.reason}`);
  }
  if (report.dropped.length > 0) {
    lines.push(`values not kept (${report.dropped.length}):`);
    for (const d of report.dropped) lines.push(`  ${d.table} ${d.rowId}: ${d.reason}`);
  }
  lines.push(`unmapped rows: ${report.unmapped.length}`);
  for (const u of report.unmapped) lines.push(`  ${u.table} ${u.rowId}: ${u.reason}`);
  return `${lines.join('\n')}\n`;
}
