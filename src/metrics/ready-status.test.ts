import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyStatus } from './ready-status.js';

test('ready when every check answers, 503 naming the ones that fail or hang', async () => {
  const ok = async () => {};
  const fails = async () => {
    throw new Error('down');
  };
  const hangs = () => new Promise<void>(() => {});
  assert.deepEqual(await readyStatus({}, 50), { status: 200, body: 'ready\n' });
  assert.deepEqual(await readyStatus({ store: ok, bus: ok }, 50), { status: 200, body: 'ready\n' });
  assert.deepEqual(await readyStatus({ store: fails, bus: ok }, 50), { status: 503, body: 'not ready: store\n' });
  assert.deepEqual(await readyStatus({ store: ok, bus: hangs }, 50), { status: 503, body: 'not ready: bus\n' });
});
