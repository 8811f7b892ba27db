/**
 * Roost's Grafana dashboard loads, every panel has PromQL, and every metric its expressions
 * select is one a running Roost exports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer } from '../harness/test-server.js';
import { DASHBOARD_PATH, dashboardExprs, exportedNames, metricNamesIn } from './metrics-dashboard-panels.js';

test('metricNamesIn: metric names only, not functions, keywords, labels or strings', () => {
  const cases: [string, string[]][] = [
    ['sum by (kind) (rate(roost_sync_updates_pushed_total[$__rate_interval]))', ['roost_sync_updates_pushed_total']],
    ['histogram_quantile(0.5, sum by (le, path) (rate(x_bucket{path="fast",a=~"b|c"}[5m])))', ['x_bucket']],
    ['sum(rate(a_total{path="fast"}[1m])) / sum(rate(a_total[1m])) or vector(0)', ['a_total']],
    ['min by (instance) (up) and on (instance) roost_fast_path_enabled', ['up', 'roost_fast_path_enabled']],
  ];
  for (const [expr, want] of cases) assert.deepEqual(metricNamesIn(expr), want, expr);
});

test('roost.json: loads, every panel has an expression, every metric it uses is exported', async (t) => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8')) as { title: string; uid: string; panels: { type: string; title: string; targets?: { expr?: string; legendFormat?: string }[] }[] };
  assert.equal(dashboard.uid, 'roost-management');
  const graphs = dashboard.panels.filter((p) => p.type !== 'row');
  assert.ok(graphs.length >= 12, 'the panels the operator needs');
  for (const p of graphs) assert.ok((p.targets?.length ?? 0) > 0, `${p.title} has a query`);
  const exprs = dashboardExprs(dashboard);
  for (const e of exprs) assert.ok(e.expr.length > 0, `${e.panel}/${e.legend} has PromQL`);

  const server = await startTestServer();
  t.after(() => server.stop());
  const exported = exportedNames(await (await fetch(`http://127.0.0.1:${server.ports.metrics}/metrics`)).text());
  const used = new Set(exprs.flatMap((e) => metricNamesIn(e.expr)));
  assert.ok(used.size >= 10);
  for (const name of used) assert.ok(exported.has(name), `${name} (used by the dashboard) is exported by Roost`);
  // The panels the issue asks for, by the metric behind each.
  for (const name of ['roost_fast_path_enabled', 'roost_sync_requests_total', 'roost_sync_fast_duration_seconds_bucket', 'roost_login_duration_seconds_bucket', 'roost_sync_streams_connected', 'roost_sync_updates_pushed_total', 'roost_sync_push_latency_seconds_bucket', 'roost_network_map_compute_seconds_bucket', 'roost_store_transaction_seconds_bucket', 'roost_change_bus_lag_seconds_bucket', 'roost_change_bus_resyncs_total']) {
    assert.ok(used.has(name), `a panel shows ${name}`);
  }
});
