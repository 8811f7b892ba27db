#!/usr/bin/env node
// `npx roost` looks in node_modules/.bin, where npm never links the root package's own bin.
// Run from `prepare` (i.e. by `npm ci`), this links it there.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'roost');
rmSync(link, { force: true });
symlinkSync(join('..', '..', 'bin', 'roost.js'), link);
chmodSync(join(root, 'bin', 'roost.js'), 0o755);
