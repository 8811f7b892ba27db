/**
 * Roost's activity table against an audit log upstream wrote at the reference commit
 * (`../shared/fixtures/upstream-store`, read in place): for every stored event, the number
 * upstream stored maps to the message and `activity_code` upstream's API answered with, and
 * Roost's API shape (field names, text meta, ID as text) renders the stored row the same way
 * where the meta needs no read-time names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { activityText } from '../../src/domain/activity/activity-codes.js';
import { toApiEvent } from '../../src/rest/to-api/event.js';
import { sharedPath } from '../harness/shared-dir.js';

const fixture = sharedPath('fixtures', 'upstream-store');

interface UpstreamApiEvent {
  id: string;
  activity: string;
  activity_code: string;
  initiator_id: string;
  target_id: string;
  meta: Record<string, string>;
}

test("upstream's stored activity numbers map to its API messages and codes", { skip: fixture.skip }, () => {
  const db = new Database(join(fixture.path, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, activity, initiator_id, target_id, meta FROM events ORDER BY id').all() as {
      id: number; activity: number; initiator_id: string; target_id: string; meta: string;
    }[];
    const api = new Map((JSON.parse(readFileSync(join(fixture.path, 'expected', 'events-audit.json'), 'utf8')) as UpstreamApiEvent[]).map((e) => [e.id, e]));
    assert.equal(rows.length, 92);
    const kinds = new Set<number>();
    for (const row of rows) {
      const want = api.get(String(row.id));
      assert.ok(want, `event ${row.id} in the API snapshot`);
      assert.deepEqual(activityText(row.activity), { message: want.activity, code: want.activity_code }, `activity ${row.activity}`);
      kinds.add(row.activity);
      const ours = toApiEvent({
        event: { id: row.id, accountId: 'a', activity: row.activity, initiatorId: row.initiator_id, targetId: row.target_id, timestamp: 0, meta: JSON.parse(row.meta) },
        initiatorName: '',
        initiatorEmail: '',
        meta: JSON.parse(row.meta) as Record<string, unknown>,
      });
      assert.equal(ours.id, want.id);
      assert.equal(ours.target_id, want.target_id);
      // Upstream adds the target user's e-mail and name at read time; everything stored renders alike.
      for (const [k, v] of Object.entries(ours.meta)) assert.equal(v, want.meta[k], `event ${row.id} meta ${k}`);
    }
    assert.ok(kinds.size >= 30, `${kinds.size} kinds of activity covered`);
  } finally {
    db.close();
  }
});
