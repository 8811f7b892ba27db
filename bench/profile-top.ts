/**
 * `node --import tsx bench/profile-top.ts FILE.cpuprofile [--limit N] [--from-us T] [--to-us T]`:
 * the top self-time functions of a V8 CPU profile (e.g. one `npm run bench -- --profile DIR`
 * wrote), then the project's own (src/) functions by inclusive time, with TypeScript lines
 * mapped back through tsx's compilation. The window is in µs of `process.hrtime` (the
 * benchmark's JSON output gives each phase's window).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { topInclusiveTime, topSelfTime, type CpuProfile } from './cpu-profile-top.js';
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
const root = join(import.meta.dirname, '..');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const opts = {
  limit: Number(values.limit ?? 10),
  fromUs: values['from-us'] === undefined ? undefined : Number(values['from-us']),
  toUs: values['to-us'] === undefined ? undefined : Number(values['to-us']),
  root,
  sourceLine: (url: string, line0: number, column0: number) => locator.sourceLine(url, line0, column0),
};
const srcDir = `${join(root, 'src')}/`;
process.stdout.write(`${profileTable(`${file}, self time`, topSelfTime(profile, opts))}\n\n`);
process.stdout.write(`${profileTable(`${file}, inclusive time of src/ functions`, topInclusiveTime(profile, (url) => url.includes(srcDir), opts), 'total ms')}\n`);
