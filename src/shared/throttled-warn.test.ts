import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throttledWarn } from './throttled-warn.js';

test('one warning per message and window; repeats go to debug and are counted into the next warning', () => {
  const lines: string[] = [];
  const log = {
    warn: (o: object, m: string) => lines.push(`warn ${m} ${JSON.stringify(o)}`),
    debug: (o: object, m: string) => lines.push(`debug ${m} ${JSON.stringify(o)}`),
  };
  let t = 0;
  const warn = throttledWarn(log, 1000, () => t);
  const steps: [at: number, msg: string, want: string][] = [
    [0, 'read failed', 'warn read failed {"n":0}'],
    [10, 'read failed', 'debug read failed {"n":10}'],
    [20, 'write failed', 'warn write failed {"n":20}'],
    [999, 'read failed', 'debug read failed {"n":999}'],
    [1000, 'read failed', 'warn read failed {"n":1000,"suppressed":2}'],
    [3000, 'read failed', 'warn read failed {"n":3000}'],
  ];
  for (const [at, msg, want] of steps) {
    t = at;
    warn({ n: at }, msg);
    assert.equal(lines.at(-1), want, `${msg} at ${at}`);
  }
});
