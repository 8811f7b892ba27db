import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { TestAgent, linuxMeta } from '../harness/test-agent.js';
import { runRoost, startServeProcess } from '../harness/serve-process.js';
import { needsUnix } from '../harness/platform.js';

function runInit(dataDir: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const c = runRoost(['init', '--data-dir', dataDir]);
    let stdout = '';
    c.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr!.resume();
    c.once('exit', (code) => resolve({ code, stdout }));
  });
}

test('operator flow: init twice, serve, REST setup key, two real-wire peers, REST policy change pushed', { skip: needsUnix() }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roost-operator-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));

  const first = await runInit(dataDir);
  const second = await runInit(dataDir);
  assert.equal(first.code, 0);
  assert.equal(second.code, 0);
  const tokenOf = (out: string) => out.trimEnd().split('\n').at(-1)!;
  const [t1, t2] = [tokenOf(first.stdout), tokenOf(second.stdout)];
  for (const tok of [t1, t2]) assert.match(tok, /^nbp_[A-Za-z0-9]{36}$/);
  assert.notEqual(t1, t2);

  const proc = await startServeProcess(dataDir);
  t.after(() => proc.stop());
  assert.ok(proc.httpPort, 'http port logged');
  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${proc.httpPort}/api${path}`, {
      method,
      headers: { authorization: `Token ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: res.status === 204 ? undefined : ((await res.json()) as any) };
  };

  // Both tokens work and see the same single account.
  const accounts1 = await api('GET', '/accounts', t1);
  const accounts2 = await api('GET', '/accounts', t2);
  assert.equal(accounts1.status, 200);
  assert.equal(accounts1.json.length, 1);
  assert.equal(accounts2.json[0].id, accounts1.json[0].id);
  assert.equal((await api('GET', '/accounts', 'nbp_' + 'x'.repeat(36))).status, 401);

  const key = await api('POST', '/setup-keys', t1, { name: 'ops', type: 'reusable', expires_in: 86400, auto_groups: [], usage_limit: 0 });
  assert.equal(key.status, 200, JSON.stringify(key.json));
  assert.match(key.json.key, /^[0-9A-F-]{36}$/i);

  const target = `127.0.0.1:${proc.grpcPort}`;
  const a = new TestAgent(target);
  const b = new TestAgent(target);
  t.after(() => {
    a.close();
    b.close();
  });
  await a.register(key.json.key.toLowerCase(), linuxMeta('ops-a'));
  const stream = await a.sync({ meta: linuxMeta('ops-a') });
  const firstMap = await stream.next();
  assert.ok(firstMap.networkMap && firstMap.networkMap.serial > 0n);
  await b.register(key.json.key.toLowerCase(), linuxMeta('ops-b'));
  const withB = await stream.nextMatching((m) => m.networkMap?.remotePeers.some((p) => p.wgPubKey === b.publicKey) ?? false);

  // Disable the default policy through REST: the change reaches A as a map without peers.
  const policies = await api('GET', '/policies', t1);
  const def = policies.json.find((p: { name: string }) => p.name === 'Default');
  assert.ok(def, 'default policy exists');
  const upd = await api('PUT', `/policies/${def.id}`, t1, { ...def, enabled: false, rules: def.rules.map((r: any) => ({ ...r, sources: r.sources.map((g: any) => g.id ?? g), destinations: r.destinations.map((g: any) => g.id ?? g) })) });
  assert.equal(upd.status, 200, JSON.stringify(upd.json));
  const emptied = await stream.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 1) === 0);
  assert.ok(emptied.networkMap!.serial > withB.networkMap!.serial);
  assert.equal(emptied.networkMap!.firewallRulesIsEmpty, true);
  stream.close();

  const peers = await api('GET', '/peers', t1);
  assert.deepEqual(peers.json.map((p: { name: string }) => p.name).sort(), ['ops-a', 'ops-b']);
  assert.equal(await proc.stop(), 0);
});
