import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueueUpdate, mapTriggerIsStale, type QueuedUpdate } from './update-queue.js';

const map = (serial: number): QueuedUpdate => ({ kind: 'map', serial });
const turn: QueuedUpdate = { kind: 'config', which: 'turn' };
const relay: QueuedUpdate = { kind: 'config', which: 'relay' };
const deleted: QueuedUpdate = { kind: 'deleted', serial: 9 };

test('enqueueUpdate coalesces maps and keeps config order', () => {
  const cases: [string, QueuedUpdate[], QueuedUpdate, QueuedUpdate[]][] = [
    ['first map', [], map(1), [map(1)]],
    ['map after map: latest wins', [map(1)], map(2), [map(2)]],
    ['out-of-order serial keeps the higher', [map(3)], map(2), [map(3)]],
    ['map after config is appended', [map(1), turn], map(2), [map(1), turn, map(2)]],
    ['config never coalesces', [turn], turn, [turn, turn]],
    ['config keeps order', [turn, map(1)], relay, [turn, map(1), relay]],
    ['deletion is appended', [map(1)], deleted, [map(1), deleted]],
    ['nothing follows a deletion', [deleted], map(10), [deleted]],
    ['not even config', [deleted], turn, [deleted]],
  ];
  for (const [name, q, next, want] of cases) assert.deepEqual(enqueueUpdate(q, next), want, name);
});

test('enqueueUpdate does not mutate its input', () => {
  const q = [map(1)];
  enqueueUpdate(q, map(2));
  assert.deepEqual(q, [map(1)]);
});

test('mapTriggerIsStale: at or below the serial already sent', () => {
  const cases: [number, number, boolean][] = [
    [5, 4, false],
    [5, 5, true],
    [4, 5, true],
    [1, 0, false],
  ];
  for (const [trigger, sent, want] of cases) assert.equal(mapTriggerIsStale({ serial: trigger }, sent), want, `${trigger} vs ${sent}`);
});
