import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatTicks, parseStatusRss, readProcStats } from './proc-stats.js';

test('parseStatTicks adds utime and stime, whatever the command name holds', () => {
  const tail = 'S 1 2 3 0 -1 4194560 1000 0 0 0 250 37 0 0 20 0 11 0 12345 1000000 5000 18446744073709551615';
  const cases = [
    { stat: `4242 (node) ${tail}`, want: 287 },
    { stat: `4242 (MainThread (x) y) ${tail}`, want: 287 },
  ];
  for (const c of cases) assert.equal(parseStatTicks(c.stat), c.want, c.stat.slice(0, 30));
  assert.throws(() => parseStatTicks('garbage'));
});

test('parseStatusRss reads VmRSS in bytes', () => {
  assert.equal(parseStatusRss('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t   51200 kB\nThreads:\t11\n'), 51200 * 1024);
  assert.throws(() => parseStatusRss('Name:\tnode\n'));
});

test('readProcStats reads this process', () => {
  const s = readProcStats(process.pid);
  assert.ok(s.cpuSeconds >= 0);
  assert.ok(s.rssBytes > 10 * 1024 * 1024);
});
