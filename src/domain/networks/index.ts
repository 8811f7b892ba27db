/**
 * networks: the Networks feature's rules (SEMANTICS.md §1.10) — networks, their resources (a
 * host, a subnet or a domain, member of groups) and routers (a peer or peer groups, metric,
 * masquerade). Validation and reference checks happen before anything is stored; each change
 * of a resource or router bumps the serial and is pushed only to the peers whose maps it can
 * change. Every mutation records upstream's audit events in its own transaction
 * (network-event-notes.ts). It must not import a driver, the store, netmap, gRPC or REST.
 */
export { createNetworkService, type NetworkService, type NetworkInput } from './network-service.js';
export { createNetworkResourceService, type NetworkResourceService, type ResourceInput } from './resource-service.js';
export { createNetworkRouterService, type NetworkRouterService, type RouterInput } from './router-service.js';
export { parseResourceAddress, resourceAddress } from './resource-address.js';
export { peersReachingNetwork } from './network-change-scope.js';
