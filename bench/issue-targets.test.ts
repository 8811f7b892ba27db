import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateTargets, type TargetInput } from './issue-targets.js';

const c = (mode: TargetInput['mode'], peers: number, fast: number, slow: number, storm: number, fan: number): TargetInput => ({
  mode,
  peers,
  fastCpuPerSyncMs: fast,
  slowCpuPerSyncMs: slow,
  stormFastWallMs: storm,
  fanOutWallMs: fan,
});

test('evaluateTargets judges growth on smallest→largest N and the rest on the largest', () => {
  const v = evaluateTargets([c('groups', 5000, 0.3, 30, 4000, 4900), c('groups', 100, 0.26, 2, 100, 50), c('allow-all', 100, 0.2, 5, 90, 40), c('allow-all', 5000, 0.3, 12, 6000, 20000)]);
  const row = (mode: string, prefix: string) => v.find((x) => x.mode === mode && x.target.startsWith(prefix))!;
  assert.equal(row('groups', 'fast-path CPU').met, true); // 0.3 / 0.26 = 1.15
  assert.equal(row('allow-all', 'fast-path CPU').met, false); // 1.5
  assert.equal(row('groups', 'slow/fast').met, true); // 100×
  assert.equal(row('allow-all', 'slow/fast').met, false); // 40×
  assert.equal(row('groups', 'reconnect storm').met, true);
  assert.equal(row('allow-all', 'reconnect storm').met, false);
  assert.equal(row('groups', 'fan-out').met, true);
  assert.equal(row('allow-all', 'fan-out').met, null);
  assert.match(row('groups', 'slow/fast').measured, /N=5000\)/);
});

test('evaluateTargets with one peer count: no growth verdict, and says which N it judged', () => {
  const v = evaluateTargets([c('allow-all', 100, 0.2, 20, 50, 30)]);
  assert.equal(v.some((x) => x.target.startsWith('fast-path CPU')), false);
  assert.equal(v.length, 3);
  assert.match(v[0]!.measured, /N=100, target is for 5000/);
  assert.deepEqual(evaluateTargets([]), []);
});

test('evaluateTargets: a failed phase (NaN) is reported as not measured, never judged', () => {
  const v = evaluateTargets([c('groups', 5000, 0.3, NaN, NaN, 4000)]);
  const row = (prefix: string) => v.find((x) => x.target.startsWith(prefix))!;
  assert.deepEqual([row('slow/fast').met, row('slow/fast').measured], [null, 'not measured (phase failed)']);
  assert.equal(row('reconnect storm').met, null);
  assert.equal(row('fan-out').met, true);
});
