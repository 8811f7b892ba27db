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

  assert.equal(full.replicas, undefined);
  const rep = parseBenchArgs(['--replicas', '3', '--peers', '1000']);
  assert.equal(rep.replicas, 3);
  assert.deepEqual(rep.peers, [1000]);
  assert.equal(some.server, 'source');
  assert.equal(parseBenchArgs(['--server', 'dist']).server, 'dist');
});

test('parseBenchArgs rejects bad values, naming the option', () => {
  const cases = [
    { argv: ['--peers', '100,x'], re: /--peers/ },
    { argv: ['--peers', '0'], re: /--peers/ },
    { argv: ['--modes', 'open'], re: /--modes/ },
    { argv: ['--connections', 'few'], re: /--connections/ },
    { argv: ['--bogus'], re: /bogus/ },
    { argv: ['--verify', 'some'], re: /--verify/ },
    { argv: ['--server', 'build'], re: /--server/ },
    { argv: ['--fan-out-change', 'route'], re: /--fan-out-change/ },
    { argv: ['--replicas', '1'], re: /--replicas/ },
    { argv: ['--replicas', 'three'], re: /--replicas/ },
    { argv: ['--replicas', '3', '--target', 'h:1', '--setup-key', 'K'], re: /--replicas/ },
  ];
  for (const c of cases) assert.throws(() => parseBenchArgs(c.argv), c.re, c.argv.join(' '));
});

test('parseBenchArgs: --target mode', () => {
  assert.equal(parseBenchArgs([]).target, undefined);
  const min = parseBenchArgs(['--target', '127.0.0.1:33073', '--setup-key', 'K']);
  assert.deepEqual(min.target, { address: '127.0.0.1:33073', setupKey: 'K', serverPid: undefined, metricsUrl: undefined, api: undefined });
  assert.deepEqual(min.peers, [100]);
  const full = parseBenchArgs([
    '--target', 'mgmt.example.com:443', '--setup-key', 'K', '--server-pid', '4242', '--metrics-url', 'http://127.0.0.1:9090/metrics',
    '--api-url', 'https://mgmt.example.com/api/', '--api-token', 'nbp_x', '--peers', '200',
  ]);
  assert.deepEqual(full.target, { address: 'mgmt.example.com:443', setupKey: 'K', serverPid: 4242, metricsUrl: 'http://127.0.0.1:9090/metrics', api: { url: 'https://mgmt.example.com/api', token: 'nbp_x' } });
  assert.deepEqual(full.peers, [200]);
  assert.equal(parseBenchArgs(['--target', '[::1]:33073', '--setup-key', 'K']).target?.address, '[::1]:33073');
});

test('parseBenchArgs rejects bad --target combinations, naming the option', () => {
  const t = ['--target', '127.0.0.1:33073', '--setup-key', 'K'];
  const cases = [
    { argv: ['--target', '127.0.0.1:33073'], re: /--setup-key/ },
    { argv: ['--target', '127.0.0.1', '--setup-key', 'K'], re: /--target: expected HOST:PORT/ },
    { argv: ['--target', 'h:0', '--setup-key', 'K'], re: /--target/ },
    { argv: ['--target', 'h:70000', '--setup-key', 'K'], re: /--target/ },
    { argv: ['--target', 'http://h:1', '--setup-key', 'K'], re: /--target/ },
    { argv: ['--setup-key', 'K'], re: /--setup-key needs --target/ },
    { argv: ['--server-pid', '12'], re: /--server-pid needs --target/ },
    { argv: ['--api-url', 'http://h/api', '--api-token', 'x'], re: /--api-url needs --target/ },
    { argv: [...t, '--server-pid', 'abc'], re: /--server-pid/ },
    { argv: [...t, '--metrics-url', 'h:9090/metrics'], re: /--metrics-url/ },
    { argv: [...t, '--api-url', 'http://h/api'], re: /--api-url and --api-token/ },
    { argv: [...t, '--api-token', 'x'], re: /--api-url and --api-token/ },
    { argv: [...t, '--api-url', 'ftp://h/api', '--api-token', 'x'], re: /--api-url/ },
    { argv: [...t, '--fan-out-change', 'policy'], re: /--fan-out-change policy with --target/ },
    { argv: [...t, '--modes', 'groups'], re: /--modes does not apply/ },
    { argv: [...t, '--redis', '127.0.0.1:6379'], re: /--redis does not apply/ },
    { argv: [...t, '--profile', '/tmp/p'], re: /--profile does not apply/ },
    { argv: [...t, '--peers', '100,200'], re: /--peers/ },
  ];
  for (const c of cases) assert.throws(() => parseBenchArgs(c.argv), c.re, c.argv.join(' '));
});

test('parseBenchArgs: --networks selects the in-process Networks scenario', () => {
  assert.equal(parseBenchArgs([]).networks, false);
  assert.equal(parseBenchArgs(['--networks']).networks, true);
  assert.deepEqual(parseBenchArgs(['--networks', '--peers', '300']).peers, [300]);
});
