import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TargetServer } from './target-server.js';

const base = { address: '127.0.0.1:1', setupKey: 'K', serverPid: undefined, metricsUrl: undefined, api: undefined };

/** A /metrics endpoint serving `text`, on a free port, closed after `fn`. */
async function withMetrics(text: string, fn: (url: string) => Promise<void>): Promise<void> {
  const srv = createServer((_req, res) => res.end(text));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/metrics`);
  } finally {
    srv.close();
  }
}

test('TargetServer: CPU/RSS from /proc with a PID, from /metrics without, else null', async () => {
  const own = TargetServer.open({ ...base, serverPid: process.pid });
  assert.ok((await own.cpuSeconds())! > 0);
  assert.ok((await own.rssBytes())! > 1024 * 1024);

  const blind = TargetServer.open(base);
  assert.equal(await blind.cpuSeconds(), null);
  assert.equal(await blind.rssBytes(), null);

  await withMetrics('process_cpu_seconds_total 12.5\nprocess_resident_memory_bytes 4096\n', async (url) => {
    const scraped = TargetServer.open({ ...base, metricsUrl: url });
    assert.equal(await scraped.cpuSeconds(), 12.5);
    assert.equal(await scraped.rssBytes(), 4096);
  });
  // A server whose /metrics lacks the standard process metrics: not measured, not zero.
  await withMetrics('go_goroutines 12\n', async (url) => {
    const scraped = TargetServer.open({ ...base, metricsUrl: url });
    assert.equal(await scraped.cpuSeconds(), null);
    assert.equal(await scraped.rssBytes(), null);
  });
});

test('TargetServer.open rejects a PID with no process', () => {
  assert.throws(() => TargetServer.open({ ...base, serverPid: 2 ** 22 + 1 }), /--server-pid .*no such process/);
});
