/**
 * netmap: computes what each peer receives — remote peers, firewall rules, routes, route
 * firewall rules, DNS and posture-check files — as a pure function of an immutable
 * AccountSnapshot (SEMANTICS.md §4). It must not do I/O, read clocks, log, or know any wire
 * format: callers pass `now`, measure and record metrics, and convert the protocol-free
 * NetworkMap at the gRPC edge. Networks (§4.5, §4.9) are in network-resources.ts. Not covered:
 * custom DNS zones, reverse-proxy injection, forwarding rules — none are in our model.
 */
export type * from './network-map.js';
export { computeNetworkMap, peerConfigOf, type ComputeNetworkMapInput } from './compute-network-map.js';
export { postureChecksFor, toChecksConfig } from './posture-checks-for.js';
export { peerAddress } from './peer-address.js';
export { peerFqdn, resolveDnsDomain } from './peer-fqdn.js';
export { isPeerLoginExpired } from './is-peer-login-expired.js';
export { passesPostureCheck, type PeerLocation } from './passes-posture-check.js';
export { computeForwarderPort, DNS_FORWARDER_PORT, LEGACY_DNS_FORWARDER_PORT } from './forwarder-port.js';
