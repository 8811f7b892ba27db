import type { NetworkInput, ResourceInput, RouterInput } from '../../domain/networks/index.js';
import type { NetworkRequest, NetworkResourceRequest, NetworkRouterRequest } from '../schemas/network-requests.js';

/** Request bodies of the Networks endpoints as domain inputs; rules are the domain's (422). */
export function toNetworkInput(body: NetworkRequest): NetworkInput {
  return { name: body.name, description: body.description ?? '' };
}

export function toResourceInput(body: NetworkResourceRequest): ResourceInput {
  return { name: body.name, description: body.description ?? '', address: body.address, enabled: body.enabled, groups: body.groups ?? [] };
}

export function toRouterInput(body: NetworkRouterRequest): RouterInput {
  return {
    ...(body.peer === undefined ? {} : { peer: body.peer }),
    ...(body.peer_groups === undefined ? {} : { peerGroups: body.peer_groups }),
    metric: body.metric,
    masquerade: body.masquerade,
    enabled: body.enabled,
  };
}
