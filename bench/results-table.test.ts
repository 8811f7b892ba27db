import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuPerSyncMs, pathsText, profileTable, registrationTable, retriesText } from './results-table.js';
import type { CaseResult } from './run-bench-case.js';

test('cpuPerSyncMs', () => {
  const cases = [
    { cpu: 1, peers: 1000, want: 1 },
    { cpu: 0.5, peers: 5000, want: 0.1 },
    { cpu: 0, peers: 100, want: 0 },
  ];
  for (const c of cases) assert.equal(cpuPerSyncMs(c.cpu, c.peers), c.want);
});

test('profileTable lists rows in order with their share', () => {
  const t = profileTable('storm', { busyMs: 200, idleMs: 50, rows: [{ functionName: 'hot', location: 'src/a.ts:3', selfMs: 150, percent: 75 }] });
  assert.match(t, /^storm — busy 200 ms, idle 50 ms/);
  assert.match(t, /\| 1 \| hot +\| src\/a\.ts:3 \| +150 \| +75\.0 % \|/);
});

test('pathsText names the slow-path reasons that moved', () => {
  assert.equal(pathsText({ fast: 998, slow: 2, slowReasons: { cache_miss: 2, race: 0 } }), '998 fast / 2 slow (cache_miss 2)');
  assert.equal(pathsText({ fast: 0, slow: 5 }), '0 fast / 5 slow');
});

test('retriesText', () => {
  assert.equal(retriesText(0, {}), '0 retries');
  assert.equal(retriesText(12, { RESOURCE_EXHAUSTED: 10, DEADLINE_EXCEEDED: 2 }), '12 retries (RESOURCE_EXHAUSTED 10, DEADLINE_EXCEEDED 2)');
});

test('registrationTable: Logins/s and CPU per Login from the register phase, the Redis-cache storm or a dash', () => {
  const base = { mode: 'allow-all', peers: 1000, registerMs: 5000, registerCpuSeconds: 2.5 } as const;
  const storm = { wallMs: 1500, p99Ms: 1400, cpuSeconds: 1.25, retries: 0, paths: { fast: 1000, slow: 0 } };
  const t = registrationTable([{ ...base, steady: { redisStorm: storm } } as unknown as CaseResult, { ...base, mode: 'groups' } as unknown as CaseResult]);
  assert.match(t, /\| allow-all \| 1000 \| +5\.00 \| +200 \| +2\.50 \| +1\.50 \| +1\.40 \| +1\.25 \| +0 \| +1000 \/ 0 \|/);
  assert.match(t, /\| groups +\| 1000 \| +5\.00 \| +200 \| +2\.50 \| +— \|/);
});
