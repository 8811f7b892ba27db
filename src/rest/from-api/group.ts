import { invalidArgument } from '../../domain/errors.js';
import type { GroupInput } from '../../domain/groups/group-service.js';
import type { GroupRequest } from '../schemas/group-request.js';

/**
 * A group body as a domain input. Absent `peers` means "no members", as upstream's handler
 * sets (on update too). Network resources are not supported here: a non-empty `resources`
 * list is refused rather than silently dropped.
 */
export function toGroupInput(body: GroupRequest): GroupInput {
  if (body.name === '') throw invalidArgument("group name shouldn't be empty");
  if ((body.resources ?? []).length > 0) throw invalidArgument('network resources are not supported');
  return { name: body.name, peers: body.peers ?? [] };
}
