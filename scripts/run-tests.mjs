#!/usr/bin/env node
// Runs the whole suite with node:test. Node 20's --test does not expand globs and passes
// silently on zero files, so we list test files ourselves and refuse to run none.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const roots = ['src', 'test', 'bench'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'gen') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

let files = roots.flatMap((r) => walk(join(root, r), []));
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
files.sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
const concurrency = Math.max(2, availableParallelism());
const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files];
const res = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(res.status ?? 1);
