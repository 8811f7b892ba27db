import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortLocation, topInclusiveTime, topSelfTime, type CpuProfile } from './cpu-profile-top.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// Samples every 1,000 µs from t=10,000: ids 2,2,3,1,4,2 (1 = idle); node 5 is another call site of `hot`.
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(idle)') },
    { id: 2, callFrame: frame('hot', 'file:///proj/src/a.ts', 9) },
    { id: 3, callFrame: frame('', 'file:///proj/node_modules/x/y.js', 0) },
    { id: 4, callFrame: frame('(garbage collector)') },
    { id: 5, callFrame: frame('hot', 'file:///proj/src/a.ts', 9) },
  ],
  startTime: 9_000,
  endTime: 16_000,
  samples: [2, 5, 3, 1, 4, 2],
  timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000],
};

test('topSelfTime sums self time per function and location, idle apart', () => {
  const r = topSelfTime(PROFILE, { root: '/proj' });
  assert.equal(r.idleMs, 1);
  assert.equal(r.busyMs, 5);
  assert.deepEqual(
    r.rows.map((x) => [x.functionName, x.location, x.selfMs]),
    [
      ['hot', 'src/a.ts:10', 3],
      ['(anonymous)', 'node_modules/x/y.js:1', 1],
      ['(garbage collector)', '', 1],
    ],
  );
  assert.equal(r.rows[0]!.percent, 60);
});

test('topSelfTime keeps only samples inside the window, and honours the limit', () => {
  // Samples at 10,000 … 15,000; the window [12,000, 14,000) holds the y.js sample and the idle one.
  const r = topSelfTime(PROFILE, { fromUs: 12_000, toUs: 14_000, root: '/proj', limit: 5 });
  assert.equal(r.busyMs, 1);
  assert.equal(r.idleMs, 1);
  assert.deepEqual(r.rows.map((x) => x.location), ['node_modules/x/y.js:1']);
  assert.equal(topSelfTime(PROFILE, { limit: 1 }).rows.length, 1);
});

test('topSelfTime asks sourceLine for the line when given one', () => {
  const r = topSelfTime(PROFILE, { root: '/proj', limit: 1, sourceLine: (url, line0, col0) => (url.endsWith('a.ts') ? 100 + line0 + col0 : undefined) });
  assert.equal(r.rows[0]!.location, 'src/a.ts:109');
});

test('shortLocation', () => {
  const cases = [
    { url: 'file:///proj/src/a.ts', want: 'src/a.ts' },
    { url: 'file:///proj/node_modules/@grpc/grpc-js/build/src/x.js', want: 'node_modules/@grpc/grpc-js/build/src/x.js' },
    { url: 'node:internal/streams/writable', want: 'node:internal/streams/writable' },
    { url: 'file:///elsewhere/b.js', want: '/elsewhere/b.js' },
  ];
  for (const c of cases) assert.equal(shortLocation(c.url, '/proj'), c.want, c.url);
});

test('topInclusiveTime charges every matching function on the stack once per sample', () => {
  // Tree: 1 root → 2 outer (src) → 3 inner (src) → 4 lib (node_modules); 2 → 5 recursive outer (src).
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 6] },
      { id: 2, callFrame: frame('outer', 'file:///proj/src/o.ts', 0), children: [3, 5] },
      { id: 3, callFrame: frame('inner', 'file:///proj/src/i.ts', 4), children: [4] },
      { id: 4, callFrame: frame('lib', 'file:///proj/node_modules/l/x.js', 0) },
      { id: 5, callFrame: frame('outer', 'file:///proj/src/o.ts', 0) },
      { id: 6, callFrame: frame('(idle)') },
    ],
    startTime: 0,
    endTime: 5_000,
    samples: [4, 3, 5, 6, 1],
    timeDeltas: [0, 1_000, 1_000, 1_000, 1_000],
  };
  const r = topInclusiveTime(profile, (url) => url.includes('/src/'), { root: '/proj' });
  assert.equal(r.busyMs, 4);
  assert.equal(r.idleMs, 1);
  assert.deepEqual(
    r.rows.map((x) => [x.functionName, x.location, x.selfMs]),
    [
      ['outer', 'src/o.ts:1', 3],
      ['inner', 'src/i.ts:5', 2],
    ],
  );
  assert.equal(r.rows[0]!.percent, 75);
});
