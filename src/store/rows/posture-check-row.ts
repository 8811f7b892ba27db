import type { PostureCheck, PostureCheckDefinition } from '../../domain/model.js';
import type { PostureChecksTable } from '../schema/database.js';
import { fromJson, toJson } from './column-codec.js';

export function postureCheckFromRow(r: PostureChecksTable): PostureCheck {
  return { id: r.id, accountId: r.account_id, name: r.name, description: r.description, checks: fromJson<PostureCheckDefinition>(r.checks) };
}

export function postureCheckToRow(c: PostureCheck): PostureChecksTable {
  return { id: c.id, account_id: c.accountId, name: c.name, description: c.description, checks: toJson(c.checks) };
}
