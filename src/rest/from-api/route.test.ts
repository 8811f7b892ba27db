import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../../domain/errors.js';
import type { RouteRequest } from '../schemas/route-request.js';
import { toRouteInput } from './route.js';

const body: RouteRequest = { description: 'd', network_id: 'n', enabled: true, peer: 'p', network: '10.0.0.0/24', metric: 9, masquerade: false, groups: ['g'], keep_route: false };

test('toRouteInput enforces upstream presence rules', () => {
  const invalid = (e: unknown) => isRoostError(e, 'InvalidArgument');
  const cases: [string, Partial<RouteRequest>][] = [
    ['network and domains', { domains: [] }],
    ['neither', { network: undefined }],
    ['peer and peer groups', { peer_groups: [] }],
    ['neither peer nor groups', { peer: undefined }],
  ];
  for (const [name, over] of cases) assert.throws(() => toRouteInput({ ...body, ...over }), invalid, name);
});

test('toRouteInput maps members', () => {
  assert.deepEqual(toRouteInput(body), {
    netId: 'n', description: 'd', network: '10.0.0.0/24', peer: 'p', metric: 9, masquerade: false, enabled: true, groups: ['g'], keepRoute: false,
    accessControlGroups: [], skipAutoApply: false,
  });
  const d = toRouteInput({ ...body, network: undefined, domains: ['a.example'], peer: undefined, peer_groups: ['pg'], skip_auto_apply: true });
  assert.deepEqual([d.domains, d.peerGroups, 'network' in d, 'peer' in d, d.skipAutoApply], [['a.example'], ['pg'], false, false, true]);
  const { groups: _omitted, ...noGroups } = body;
  assert.deepEqual(toRouteInput(noGroups).groups, [], 'absent groups are empty');
});
