/**
 * `node --import tsx bench/profile-top.ts FILE.cpuprofile [--limit N] [--from-us T] [--to-us T]`:
 * the top self-time functions of a V8 CPU profile (e.g. one `npm run bench -- --profile DIR`
 * wrote), with TypeScript lines mapped back through tsx's compilation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { topSelfTime, type CpuProfile } from './cpu-profile-top.js';
import { profileTable } from './results-table.js';
import { TsSourceLocator } from './ts-source-locator.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { limit: { type: 'string' }, 'from-us': { type: 'string' }, 'to-us': { type: 'string' } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: node --import tsx bench/profile-top.ts FILE.cpuprofile [--limit N] [--from-us T] [--to-us T]\n');
  process.exit(2);
}
const locator = new TsSourceLocator();
const report = topSelfTime(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, {
  limit: Number(values.limit ?? 10),
  fromUs: values['from-us'] === undefined ? undefined : Number(values['from-us']),
  toUs: values['to-us'] === undefined ? undefined : Number(values['to-us']),
  root: join(import.meta.dirname, '..'),
  sourceLine: (url, line0, column0) => locator.sourceLine(url, line0, column0),
});
process.stdout.write(`${profileTable(file, report)}\n`);
