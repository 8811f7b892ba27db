import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toAuditQuery } from '../from-api/audit-query.js';
import type { RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { toApiEvent } from '../to-api/event.js';

const AuditQuery = Type.Object({
  page: Type.Optional(Type.String()),
  page_size: Type.Optional(Type.String()),
  activity_code: Type.Optional(Type.String()),
  initiator_id: Type.Optional(Type.String()),
  target_id: Type.Optional(Type.String()),
  start_date: Type.Optional(Type.String()),
  end_date: Type.Optional(Type.String()),
  search: Type.Optional(Type.String()),
});

/**
 * The audit log. Upstream routes `/events` and `/events/audit` to one handler answering a plain
 * array of events, newest first; so does Roost. `X-Total-Count` tells a paging client how many
 * events match in all.
 */
export function registerEventRoutes(app: RestApp, deps: Pick<RestDeps, 'activity'>): void {
  for (const path of ['/events', '/events/audit']) {
    app.get(path, { schema: { querystring: AuditQuery } }, async (req, reply) => {
      const { account } = authorize(req, 'events', 'read');
      const page = await deps.activity.list(account.id, toAuditQuery(req.query));
      void reply.header('x-total-count', String(page.total));
      return page.entries.map(toApiEvent);
    });
  }
}
