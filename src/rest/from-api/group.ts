import { invalidArgument } from '../../domain/errors.js';
import type { GroupInput } from '../../domain/groups/group-service.js';
import type { GroupRequest } from '../schemas/group-request.js';

/** Types a group's resources may have (peers are listed in `peers`). */
const RESOURCE_TYPES: ReadonlySet<string> = new Set(['host', 'subnet', 'domain']);

/**
 * A group body as a domain input. Absent `peers` means "no members", as upstream's handler
 * sets (on update too); absent `resources` likewise means none (upstream replaces the list).
 */
export function toGroupInput(body: GroupRequest): GroupInput {
  if (body.name === '') throw invalidArgument("group name shouldn't be empty");
  const resources = body.resources ?? [];
  const bad = resources.find((r) => !RESOURCE_TYPES.has(r.type));
  if (bad !== undefined) throw invalidArgument(`unknown resource type ${JSON.stringify(bad.type)}`);
  return { name: body.name, peers: body.peers ?? [], resources: resources.map((r) => r.id) };
}
