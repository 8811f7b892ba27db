import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { TestAgent } from '../harness/test-agent.js';
import { startServeProcess, runRoost } from '../harness/serve-process.js';
import { needsUnix } from '../harness/platform.js';

test('roost serve: free ports logged, GetServerKey and /metrics answer, SIGTERM and SIGINT exit 0', { skip: needsUnix() }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-cli-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const proc = await startServeProcess(dataDir);
    const agent = new TestAgent(`127.0.0.1:${proc.grpcPort}`);
    try {
      assert.equal((await agent.getServerKey()).key.length, 44);
      const metrics = await (await fetch(`http://127.0.0.1:${proc.metricsPort}/metrics`)).text();
      assert.match(metrics, /process_cpu_user_seconds_total/);
    } finally {
      agent.close();
    }
    assert.equal(await proc.stop(signal), 0, proc.stderr());
  }
});

test('roost --help and serve --help print usage; unknown command exits 2', async () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = runRoost(args);
      let out = '';
      c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      c.once('exit', (code) => resolve({ code, out }));
    });
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /serve/);
  const serveHelp = await run(['serve', '--help']);
  assert.equal(serveHelp.code, 0);
  assert.match(serveHelp.out, /--grpc-port/);
  const bad = await run(['frobnicate']);
  assert.equal(bad.code, 2);
});
