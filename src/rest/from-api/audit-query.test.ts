import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRoostError } from '../../domain/errors.js';
import { toAuditQuery, type AuditQueryParams } from './audit-query.js';

test('toAuditQuery: filters and pages', () => {
  const cases: [AuditQueryParams, object][] = [
    [{}, {}],
    [{ page: '2', page_size: '10' }, { limit: 10, offset: 10 }],
    [{ page_size: '5' }, { limit: 5, offset: 0 }],
    [{ page: '3' }, { limit: 100, offset: 200 }],
    [{ activity_code: 'peer.setupkey.add' }, { activities: [1] }],
    [{ initiator_id: 'u', target_id: 't' }, { initiatorId: 'u', targetId: 't' }],
    [{ start_date: '2026-01-01T00:00:00Z', end_date: '2026-01-02' }, { from: Date.UTC(2026, 0, 1), until: Date.UTC(2026, 0, 3) - 1 }],
    [{ search: 'bob' }, { search: 'bob' }],
    [{ search: '' }, {}],
  ];
  for (const [params, want] of cases) assert.deepEqual(toAuditQuery(params), want, JSON.stringify(params));
});

test('toAuditQuery: malformed values are refused', () => {
  const bad: AuditQueryParams[] = [
    { page: '0' },
    { page: 'x' },
    { page_size: '10001' },
    { page_size: '-1' },
    { activity_code: 'no.such.code' },
    { start_date: 'yesterday' },
    { start_date: '2026-02-01', end_date: '2026-01-01' },
  ];
  for (const params of bad) assert.throws(() => toAuditQuery(params), (e) => isRoostError(e, 'InvalidArgument'), JSON.stringify(params));
});
