import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notMeasured } from './target-phase.js';
import { targetMemoryLine, targetResultsTable } from './target-results-table.js';

test('targetResultsTable: numbers where measured, "not measured" elsewhere — never a number', () => {
  const table = targetResultsTable([
    { name: 'registration', count: 200, wallMs: 2000, p50Ms: null, p99Ms: null, cpuSeconds: 1, retries: 0, note: 'Logins' },
    { name: 'cold connect', count: 200, wallMs: 1500, p50Ms: 700, p99Ms: 1400, cpuSeconds: null, retries: 3, note: '' },
    notMeasured('fan-out', 'no --api-url'),
  ]);
  const [, , reg, cold, fan] = table.split('\n');
  assert.deepEqual(reg!.split('|').map((c) => c.trim()).slice(1, -1), ['registration', '200', '2.00', 'not measured', 'not measured', '1.00', '5.00', '0', 'Logins']);
  assert.deepEqual(cold!.split('|').map((c) => c.trim()).slice(1, 9), ['cold connect', '200', '1.50', '700.0', '1400.0', 'not measured', 'not measured', '3']);
  assert.deepEqual(fan!.split('|').map((c) => c.trim()).slice(1, -1), ['fan-out', ...Array(7).fill('not measured'), 'not measured: no --api-url']);
});

test('targetMemoryLine: per-stream RSS only with both readings', () => {
  assert.match(targetMemoryLine(100 * 1024 * 1024, 110 * 1024 * 1024, 1024), /100 MiB .* 110 MiB .*\(10\.0 KiB\/stream\)/);
  assert.match(targetMemoryLine(200 * 1024 * 1024, 190 * 1024 * 1024, 10), /per stream not measured/);
  assert.match(targetMemoryLine(null, 5, 10), /not measured/);
  assert.match(targetMemoryLine(5, null, 10), /not measured/);
});
