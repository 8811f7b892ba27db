import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ManualClock } from '../domain/clock.js';
import { createRestApp } from './create-rest-app.js';
import type { RestDeps } from './rest-deps.js';

/** One row of docs/api-coverage.md's endpoint table. */
interface Row {
  readonly method: string;
  readonly path: string;
  readonly state: string;
}

const DOC = new URL('../../docs/api-coverage.md', import.meta.url);

function readTable(text: string): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^(GET|POST|PUT|DELETE|PATCH)$/.test(cells[2]!)) continue;
    rows.push({ method: cells[2]!, path: cells[3]!.replaceAll('`', ''), state: cells[4]! });
  }
  return rows;
}

/** `/api/peers/{peerId}` and `/api/peers/:peerId` both become `/api/peers/{}`: names may differ. */
const shape = (method: string, path: string): string => `${method} ${path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+/g, '{}')}`;

/** Every route the REST app registers, collected as it is built (route registration reads no deps). */
async function registeredRoutes(): Promise<Set<string>> {
  const deps = { clock: new ManualClock(), dnsDomain: 'netbird.selfhosted', log: { error: () => undefined } } as unknown as RestDeps;
  const app = createRestApp(deps);
  const seen = new Set<string>();
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) seen.add(shape(m, r.url));
  });
  await app.ready();
  await app.close();
  return seen;
}

test('docs/api-coverage.md agrees with the routes the REST app registers', async () => {
  const text = readFileSync(DOC, 'utf8');
  const rows = readTable(text);
  const routes = await registeredRoutes();
  assert.ok(rows.length > 100, `the table lists upstream's endpoints (${rows.length} rows read)`);
  assert.equal(new Set(rows.map((r) => shape(r.method, r.path))).size, rows.length, 'no endpoint twice');
  for (const r of rows) {
    assert.ok(['routed', 'out of scope'].includes(r.state), `${r.method} ${r.path}: unknown state ${JSON.stringify(r.state)}`);
    const registered = routes.has(shape(r.method, r.path));
    assert.equal(registered, r.state === 'routed', `${r.method} ${r.path} is marked ${r.state} but is ${registered ? '' : 'not '}registered`);
  }
  const routed = rows.filter((r) => r.state === 'routed').length;
  const totals = /Totals: (\d+) self-hosted endpoints; (\d+) routed; (\d+) out of scope/.exec(text);
  assert.ok(totals, 'the doc states its totals');
  assert.deepEqual(totals.slice(1).map(Number), [rows.length, routed, rows.length - routed], 'the totals match the rows');
});
