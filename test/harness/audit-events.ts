import assert from 'node:assert/strict';
import type { ApiEvent } from '../../src/rest/to-api/event.js';

interface AuditApi {
  call(method: 'GET', url: string): Promise<{ status: number; json: unknown }>;
}

/** Who every expected event must name as its initiator (the name only when given). */
export interface Initiator {
  readonly id: string;
  readonly email: string;
  readonly name?: string;
}

/**
 * Follows an account's audit log over REST as a test makes changes: `fresh()` returns the events
 * recorded since its previous call (oldest first); `expectEvents` runs a request that must
 * succeed and checks it recorded exactly the given codes, each by `initiator()`, plus `check`.
 * The fixture and initiator are getters because tests set them up in `before`.
 */
export function followAuditLog(api: () => AuditApi, initiator: () => Initiator, check: (e: ApiEvent) => void = () => {}) {
  let seen = 0;
  const fresh = async (): Promise<ApiEvent[]> => {
    const res = await api().call('GET', '/api/events/audit');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const events = (res.json as ApiEvent[]).filter((e) => Number(e.id) > seen).reverse();
    for (const e of events) seen = Math.max(seen, Number(e.id));
    return events;
  };
  const expectEvents = async (op: () => Promise<{ status: number; json: unknown }>, codes: string[]): Promise<ApiEvent[]> => {
    const res = await op();
    assert.ok(res.status < 300, `${res.status} ${JSON.stringify(res.json)}`);
    const events = await fresh();
    assert.deepEqual(events.map((e) => e.activity_code), codes);
    const who = initiator();
    for (const e of events) {
      assert.equal(e.initiator_id, who.id, e.activity_code);
      assert.equal(e.initiator_email, who.email, e.activity_code);
      if (who.name !== undefined) assert.equal(e.initiator_name, who.name, e.activity_code);
      check(e);
    }
    return events;
  };
  return {
    fresh,
    expectEvents,
    /** The newest event id returned so far. */
    get seen(): number {
      return seen;
    },
  };
}
