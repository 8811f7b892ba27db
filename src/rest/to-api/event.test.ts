import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventTime, goText, toApiEvent } from './event.js';

test('goText prints JSON values as Go %v does', () => {
  const cases: [unknown, string][] = [
    [null, '<nil>'],
    ['x', 'x'],
    ['', ''],
    [true, 'true'],
    [false, 'false'],
    [0, '0'],
    [300, '300'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
    [['a', 'b'], '[a b]'],
    [[], '[]'],
    [{ b: 1, a: 'x' }, 'map[a:x b:1]'],
  ];
  for (const [value, want] of cases) assert.equal(goText(value), want, JSON.stringify(value));
});

test('eventTime drops trailing zero fraction digits', () => {
  assert.equal(eventTime(Date.UTC(2026, 11, 3, 8, 37, 38)), '2026-12-03T08:37:38Z');
  assert.equal(eventTime(Date.UTC(2026, 11, 3, 8, 37, 38, 810)), '2026-12-03T08:37:38.81Z');
  assert.equal(eventTime(Date.UTC(2026, 11, 3, 8, 37, 38, 5)), '2026-12-03T08:37:38.005Z');
});

test('toApiEvent: upstream field names, message and code, meta as text; unknown activity', () => {
  const event = { id: 7, accountId: 'a', activity: 1, initiatorId: 'key1', targetId: 'p1', timestamp: 0, meta: { ip: '100.64.0.1', location_geo_name_id: 0 } };
  assert.deepEqual(toApiEvent({ event, initiatorName: '', initiatorEmail: '', meta: event.meta }), {
    id: '7',
    timestamp: '1970-01-01T00:00:00Z',
    activity: 'Peer added',
    activity_code: 'peer.setupkey.add',
    initiator_id: 'key1',
    initiator_name: '',
    initiator_email: '',
    target_id: 'p1',
    meta: { ip: '100.64.0.1', location_geo_name_id: '0' },
  });
  const unknown = toApiEvent({ event: { ...event, activity: 5000 }, initiatorName: '', initiatorEmail: '', meta: {} });
  assert.equal(unknown.activity_code, 'UNKNOWN_ACTIVITY');
  assert.equal(unknown.activity, 'UNKNOWN_ACTIVITY');
});
