#!/usr/bin/env node
// Generates src/gen/ from proto/ with buf + protoc-gen-es (both from node_modules).
// `--check` generates into a temporary copy and fails if it differs from what is committed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };

function generate(cwd) {
  const res = spawnSync(join(bin, 'buf'), ['generate'], { cwd, env, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

function listFiles(dir, base = dir, out = new Map()) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) listFiles(p, base, out);
    else out.set(relative(base, p), readFileSync(p, 'utf8'));
  }
  return out;
}

if (!process.argv.includes('--check')) {
  generate(root);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'roost-gen-'));
try {
  for (const f of ['buf.yaml', 'buf.gen.yaml']) writeFileSync(join(tmp, f), readFileSync(join(root, f)));
  cpSync(join(root, 'proto'), join(tmp, 'proto'), { recursive: true });
  generate(tmp);
  const want = listFiles(join(tmp, 'src', 'gen'));
  const have = listFiles(join(root, 'src', 'gen'));
  const diffs = [...new Set([...want.keys(), ...have.keys()])].filter((k) => want.get(k) !== have.get(k));
  if (diffs.length > 0) {
    console.error(`gen:check: src/gen is stale; run \`npm run gen\`. Differs: ${diffs.join(', ')}`);
    process.exit(1);
  }
  console.log(`gen:check: src/gen matches proto/ (${want.size} files)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
