import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replicasTable } from './replicas-table.js';

test('replicasTable prints a row per phase, FAILED for a missing one', () => {
  const phase = { wallMs: 1234, p50Ms: 500.4, p99Ms: 1100, serverCpuSeconds: 2.5, generatorCpuSeconds: 0.75 };
  const text = replicasTable({
    peers: 1000,
    replicas: 3,
    registerMs: 8000,
    cold: { ...phase, retries: 2 },
    fanOut: { ...phase, changeMs: 40, busLagMs: [undefined, 1.25, 2] },
    errors: [],
    errorCount: 0,
    caseMs: 60_000,
  });
  const lines = text.split('\n');
  assert.match(lines[0]!, /^Replicas: 1000 peers over 3 `roost serve` processes/);
  assert.match(text, /\| cold connect \(slow path\) +\| +1\.23 \| +500 \| +1100 \| +2\.50 \| +0\.75 \| 2 retries/);
  assert.match(text, /bus lag process 1: -, process 2: 1\.3 ms, process 3: 2\.0 ms/);
  assert.match(text, /\| kill -9 of process 3, its peers served elsewhere \| FAILED \|/);
});
