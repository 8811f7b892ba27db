/**
 * Reads `deploy/grafana/roost.json` for the dashboard tests: every panel's PromQL, and the
 * metric names an expression selects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DASHBOARD_PATH = join(import.meta.dirname, '..', '..', 'deploy', 'grafana', 'roost.json');

export interface PanelExpr {
  readonly panel: string;
  readonly legend: string;
  readonly expr: string;
}

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: readonly { expr?: string; legendFormat?: string }[];
  readonly panels?: readonly Panel[];
}

/** Every target expression of every panel (rows' nested panels included). */
export function dashboardExprs(dashboard: { panels: readonly Panel[] } = JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8'))): PanelExpr[] {
  const out: PanelExpr[] = [];
  const walk = (panels: readonly Panel[]) => {
    for (const p of panels) {
      for (const t of p.targets ?? []) out.push({ panel: p.title, legend: t.legendFormat ?? '', expr: t.expr ?? '' });
      walk(p.panels ?? []);
    }
  };
  walk(dashboard.panels);
  return out;
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'offset', 'bool', 'inf', 'nan']);

/**
 * The metric names `expr` selects: identifiers that are not functions (followed by `(`),
 * keywords, label names (inside `{}` or a grouping) or parts of strings and ranges.
 */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice(m.index! + m[0].length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}

/** Series names a Prometheus text exposition offers (a histogram's `_bucket`, `_sum`, `_count`). */
export function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = m;
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name! + s);
    else if (type === 'summary') for (const s of ['', '_sum', '_count']) names.add(name! + s);
    else names.add(name!);
  }
  return names;
}
