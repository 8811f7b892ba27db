import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitPublish } from './publish-admission.js';

test('admitPublish sends only on a live connection with room in flight', () => {
  const cases: [string, boolean, number, number, boolean][] = [
    ['connected, idle', true, 0, 4, true],
    ['connected, one slot left', true, 3, 4, true],
    ['connected, full', true, 4, 4, false],
    ['connected, over (limit lowered)', true, 9, 4, false],
    ['disconnected, idle', false, 0, 4, false],
  ];
  for (const [name, connected, inFlight, maxInFlight, want] of cases) assert.equal(admitPublish({ connected, inFlight, maxInFlight }), want, name);
});
