import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targetFanOut } from './target-fan-out.js';

test('targetFanOut: policy over REST, one more peer, or not measured', () => {
  const api = { url: 'http://h:33071/api', token: 't' };
  const cases = [
    { api, change: 'policy' as const, want: { kind: 'policy', apiUrl: api.url, token: 't' } },
    { api, change: 'peer' as const, want: { kind: 'peer' } },
    { api: undefined, change: 'peer' as const, want: { kind: 'peer' } },
  ];
  for (const c of cases) assert.deepEqual(targetFanOut({ api: c.api }, c.change), c.want);
  const none = targetFanOut({ api: undefined }, 'policy');
  assert.equal(none.kind, 'none');
  assert.match(none.kind === 'none' ? none.reason : '', /--api-url/);
});
