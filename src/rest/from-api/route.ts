import { invalidArgument } from '../../domain/errors.js';
import type { RouteInput } from '../../domain/routes/route-service.js';
import type { RouteRequest } from '../schemas/route-request.js';

/** Upstream's presence rules: one of network/domains and one of peer/peer_groups, never both. */
function checkPresence(r: RouteRequest): void {
  if (r.network !== undefined && r.domains !== undefined) throw invalidArgument("only one of 'network' or 'domains' should be provided");
  if (r.network === undefined && r.domains === undefined) throw invalidArgument("either 'network' or 'domains' should be provided");
  if (r.peer === undefined && r.peer_groups === undefined) throw invalidArgument("either 'peer' or 'peer_groups' should be provided");
  if (r.peer !== undefined && r.peer_groups !== undefined) throw invalidArgument("only one of 'peer' or 'peer_groups' should be provided");
}

/** A route body as domain input; shape and reference rules are the domain's (422). */
export function toRouteInput(r: RouteRequest): RouteInput {
  checkPresence(r);
  return {
    netId: r.network_id,
    description: r.description,
    ...(r.network === undefined ? {} : { network: r.network }),
    ...(r.domains === undefined ? {} : { domains: r.domains }),
    ...(r.peer === undefined ? {} : { peer: r.peer }),
    ...(r.peer_groups === undefined ? {} : { peerGroups: r.peer_groups }),
    metric: r.metric,
    masquerade: r.masquerade,
    enabled: r.enabled,
    groups: r.groups ?? [],
    keepRoute: r.keep_route,
    accessControlGroups: r.access_control_groups ?? [],
    skipAutoApply: r.skip_auto_apply ?? false,
  };
}
