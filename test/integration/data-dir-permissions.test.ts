/**
 * CONTRACT.md: the data dir is created 0700 and every file Roost writes in it 0600 — checked on
 * real `roost init` and `roost serve` processes, for a new data dir and for one an older version
 * left world-readable (tightened at start, with a log line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runRoost, startServeProcess } from '../harness/serve-process.js';
import { needsUnix } from '../harness/platform.js';
import { pollUntil } from '../harness/poll.js';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

function runInit(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = runRoost(['init', '--data-dir', dataDir]);
    let stdout = '';
    let stderr = '';
    c.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    c.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file in the data dir and the dir itself, as `name → mode` (the dir as '.'). */
function modes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = { '.': modeOf(dataDir) };
  for (const name of readdirSync(dataDir)) out[name] = modeOf(join(dataDir, name));
  return out;
}

const SERVING_FILES = ['store.db', 'store.db-wal', 'store.db-shm', 'server.key', 'turn-relay.secret'];

test('roost init and roost serve: data dir 0700, store.db, -wal, -shm, server.key and turn-relay.secret 0600', { skip: needsUnix() }, async (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'roost-datadir-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const dataDir = join(parent, 'data');

  const init = await runInit(dataDir);
  assert.equal(init.code, 0, init.stderr);
  assert.equal(modes(dataDir)['.'], '700');
  for (const [name, mode] of Object.entries(modes(dataDir))) if (name !== '.') assert.equal(mode, '600', `after init: ${name}`);

  const proc = await startServeProcess(dataDir);
  try {
    // SQLite's -wal and -shm exist while the store is open.
    await pollUntil(() => SERVING_FILES.every((f) => existsSync(join(dataDir, f))), { timeoutMs: 10_000, what: `every data file: ${readdirSync(dataDir).join(', ')}` });
    const serving = modes(dataDir);
    assert.equal(serving['.'], '700');
    for (const [name, mode] of Object.entries(serving)) if (name !== '.') assert.equal(mode, '600', `while serving: ${name}`);
    assert.doesNotMatch(proc.stderr(), /tightened permissions/, 'nothing to tighten in a dir Roost made');
  } finally {
    assert.equal(await proc.stop(), 0, proc.stderr());
  }
});

test('a data dir an older version left 0755 with 0644 files is tightened by init and by serve, saying so', { skip: needsUnix() }, async (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'roost-datadir-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const dataDir = join(parent, 'data');
  assert.equal((await runInit(dataDir)).code, 0);
  const proc0 = await startServeProcess(dataDir);
  assert.equal(await proc0.stop(), 0, proc0.stderr());
  const loosen = () => {
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
  };

  loosen();
  const init = await runInit(dataDir);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stderr, new RegExp(`tightened permissions of ${dataDir} from 0755 to 0700`));
  assert.match(init.stderr, /tightened permissions of \S+\/server\.key from 0644 to 0600/);
  assert.match(init.stdout.trim().split('\n').at(-1)!, /^nbp_/, 'the token is still alone on the last line of stdout');
  for (const [name, mode] of Object.entries(modes(dataDir))) assert.equal(mode, name === '.' ? '700' : '600', `after init: ${name}`);

  loosen();
  const proc = await startServeProcess(dataDir);
  try {
    await pollUntil(() => SERVING_FILES.every((f) => existsSync(join(dataDir, f))), { timeoutMs: 10_000, what: 'every data file' });
    for (const [name, mode] of Object.entries(modes(dataDir))) assert.equal(mode, name === '.' ? '700' : '600', `while serving: ${name}`);
    assert.match(proc.stderr(), /"msg":"tightened permissions of [^"]+ from 0755 to 0700"/);
    assert.match(proc.stderr(), /"msg":"tightened permissions of [^"]+\/store\.db from 0644 to 0600"/);
  } finally {
    assert.equal(await proc.stop(), 0, proc.stderr());
  }
});
