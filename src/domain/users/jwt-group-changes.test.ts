import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Group } from '../model.js';
import { jwtGroupChanges, type JwtGroupChanges } from './jwt-group-changes.js';

const g = (id: string, name: string, issued: Group['issued']): Group => ({ id, accountId: 'acc', name, issued, peers: [] });
const GROUPS = [g('all', 'All', 'api'), g('api-eng', 'eng', 'api'), g('jwt-ops', 'ops', 'jwt'), g('jwt-dev', 'dev', 'jwt'), g('manual', 'manual', 'api')];

test('jwtGroupChanges: the user’s JWT groups follow the token; other auto-groups and same-named API groups stay untouched', () => {
  const cases: [string, string[], string[], Omit<JwtGroupChanges, 'create'> & { create: string[] }][] = [
    ['same groups: unchanged', ['manual', 'jwt-ops'], ['ops'], { changed: false, autoGroups: ['manual', 'jwt-ops'], create: [], added: [], removed: [] }],
    ['existing JWT group attached', ['manual'], ['ops'], { changed: true, autoGroups: ['manual', 'jwt-ops'], create: [], added: ['jwt-ops'], removed: [] }],
    ['unknown name: a new JWT group', [], ['sales'], { changed: true, autoGroups: ['new-1'], create: ['sales'], added: ['new-1'], removed: [] }],
    ['dropped from the token: removed from the user', ['manual', 'jwt-ops', 'jwt-dev'], ['dev'], { changed: true, autoGroups: ['manual', 'jwt-dev'], create: [], added: [], removed: ['jwt-ops'] }],
    ['no groups in the token: every JWT group removed', ['jwt-ops', 'manual'], [], { changed: true, autoGroups: ['manual'], create: [], added: [], removed: ['jwt-ops'] }],
    ['same-named API group is not attached', ['manual'], ['eng'], { changed: false, autoGroups: ['manual'], create: [], added: [], removed: [] }],
    ['All is an API group: not attached', [], ['All'], { changed: false, autoGroups: [], create: [], added: [], removed: [] }],
    ['API auto-group kept though the token does not name it', ['api-eng'], ['ops'], { changed: true, autoGroups: ['api-eng', 'jwt-ops'], create: [], added: ['jwt-ops'], removed: [] }],
    ['repeated token names count once', [], ['ops', 'ops'], { changed: true, autoGroups: ['jwt-ops'], create: [], added: ['jwt-ops'], removed: [] }],
    ['stale auto-group dropped with a change', ['gone', 'manual'], ['ops'], { changed: true, autoGroups: ['manual', 'jwt-ops'], create: [], added: ['jwt-ops'], removed: ['gone'] }],
  ];
  for (const [name, autoGroups, tokenGroups, want] of cases) {
    let n = 0;
    const got = jwtGroupChanges({ user: { accountId: 'acc', autoGroups }, groups: GROUPS, tokenGroups, newId: () => `new-${++n}` });
    assert.deepEqual({ ...got, create: got.create.map((c) => c.name) }, want, name);
    for (const c of got.create) assert.deepEqual(c, { id: c.id, accountId: 'acc', name: c.name, issued: 'jwt', peers: [] }, name);
  }
});

test('jwtGroupChanges: a JWT group is reused over a same-named API group', () => {
  const groups = [g('a-api', 'ops', 'api'), g('z-jwt', 'ops', 'jwt')];
  const got = jwtGroupChanges({ user: { accountId: 'acc', autoGroups: [] }, groups, tokenGroups: ['ops'], newId: () => 'new' });
  assert.deepEqual([got.autoGroups, got.create], [['z-jwt'], []]);
});
