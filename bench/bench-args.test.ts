import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBenchArgs } from './bench-args.js';

test('parseBenchArgs: defaults, --quick and explicit values', () => {
  const full = parseBenchArgs([]);
  assert.deepEqual(full.peers, [100, 1000, 5000]);
  assert.deepEqual(full.modes, ['allow-all', 'groups']);
  assert.equal(full.concurrency, undefined);
  assert.equal(full.singleReconnects, 50);
  assert.equal(full.deadlineMs, 600_000);
  assert.deepEqual(full.connections, { kind: 'per-peer' });
  assert.equal(full.verify, 'sample');
  assert.equal(parseBenchArgs(['--verify', 'all']).verify, 'all');
  assert.equal(full.fanOutChange, 'policy');
  assert.equal(parseBenchArgs(['--fan-out-change', 'peer']).fanOutChange, 'peer');

  const quick = parseBenchArgs(['--quick']);
  assert.deepEqual(quick.peers, [100]);
  assert.equal(quick.singleReconnects, 20);
  assert.equal(quick.deadlineMs, 60_000);

  const some = parseBenchArgs(['--quick', '--peers', '10, 20', '--modes', 'groups', '--concurrency', '500', '--connections', '8', '--new-connections', '--profile', '/tmp/p', '--single', '5']);
  assert.deepEqual(some.peers, [10, 20]);
  assert.deepEqual(some.modes, ['groups']);
  assert.equal(some.concurrency, 500);
  assert.deepEqual(some.connections, { kind: 'shared', connections: 8 });
  assert.equal(some.newConnections, true);
  assert.equal(some.profileDir, '/tmp/p');
  assert.equal(some.singleReconnects, 5);
});

test('parseBenchArgs rejects bad values, naming the option', () => {
  const cases = [
    { argv: ['--peers', '100,x'], re: /--peers/ },
    { argv: ['--peers', '0'], re: /--peers/ },
    { argv: ['--modes', 'open'], re: /--modes/ },
    { argv: ['--connections', 'few'], re: /--connections/ },
    { argv: ['--bogus'], re: /bogus/ },
    { argv: ['--verify', 'some'], re: /--verify/ },
    { argv: ['--fan-out-change', 'route'], re: /--fan-out-change/ },
  ];
  for (const c of cases) assert.throws(() => parseBenchArgs(c.argv), c.re, c.argv.join(' '));
});
