import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audienceAccepted, type AudienceVerdict } from './audience-accepted.js';

test('audienceAccepted: one value equal to an accepted audience', () => {
  const accepted = ['api', 'extra', 'device'];
  const cases: [unknown, readonly string[], AudienceVerdict][] = [
    ['api', accepted, 'accepted'],
    ['device', accepted, 'accepted'],
    [['other', 'extra'], accepted, 'accepted'],
    ['API', accepted, 'not-accepted'],
    ['other', accepted, 'not-accepted'],
    [['a', 'b'], accepted, 'not-accepted'],
    [undefined, accepted, 'missing'],
    [null, accepted, 'missing'],
    ['', accepted, 'missing'],
    [[], accepted, 'missing'],
    [['', ''], accepted, 'missing'],
    [5, accepted, 'invalid-type'],
    [['api', 5], accepted, 'invalid-type'],
    [{ aud: 'api' }, accepted, 'invalid-type'],
    ['api', [''], 'not-accepted'],
    ['', [''], 'missing'],
  ];
  for (const [aud, acc, want] of cases) assert.equal(audienceAccepted(aud, acc), want, JSON.stringify([aud, acc]));
});
