/**
 * The network map of one peer (SEMANTICS.md §4, legacy algorithm), a pure function of an
 * immutable account snapshot: no I/O, no clock, no randomness. Shared per-snapshot work lives
 * in the AccountIndex, so computing every peer's map costs about the size of all the maps.
 */
import type { AccountSnapshot, Millis, Peer } from '../domain/model.js';
import type { NetworkMap, PeerConfig, RemotePeer } from './network-map.js';
import { type AccountIndex, accountIndexFor } from './account-index.js';
import { connectionsFor } from './policy-connections.js';
import { routesToSync } from './routes-to-sync.js';
import { routeFirewallRulesFor } from './route-firewall-rules.js';
import { networkResourcesFor } from './network-resources.js';
import { disabledDnsConfig, dnsConfigFor } from './dns-config.js';
import { classRemotePeers, classZoneRecords } from './class-lists.js';
import { type ListCut, cutLength, materialize, whole, withListCuts } from './list-cut.js';
import { postureChecksFor, toChecksConfig } from './posture-checks-for.js';
import { authorizedUsersOf } from './ssh-authorization.js';
import { isPeerLoginExpired } from './is-peer-login-expired.js';
import { peerAddress } from './peer-address.js';
import { peerFqdn, resolveDnsDomain } from './peer-fqdn.js';

export interface ComputeNetworkMapInput {
  readonly snapshot: AccountSnapshot;
  readonly peerId: string;
  /** Evaluation time for login expiry (epoch ms). */
  readonly now: Millis;
  /** The server's DNS domain (`--dns-domain`); the account setting overrides it when set. */
  readonly dnsDomain: string;
}

/** PeerConfig for the receiver; `sshEnabled` includes SSH enabled by policy. */
export function peerConfigOf(snapshot: Pick<AccountSnapshot, 'account'>, peer: Peer, dnsDomain: string, policySsh: boolean): PeerConfig {
  const s = snapshot.account.settings;
  return {
    address: peerAddress(peer, snapshot.account),
    fqdn: peerFqdn(peer, dnsDomain),
    sshEnabled: peer.sshEnabled || policySsh,
    routingPeerDnsResolutionEnabled: s.routingPeerDnsResolutionEnabled,
    lazyConnectionEnabled: s.lazyConnectionEnabled,
    autoUpdate: { version: s.autoUpdateVersion, alwaysUpdate: s.autoUpdateAlways },
  };
}

/**
 * The "Network only" map: no peers, rules, routes or DNS, every "is empty" flag set. Unknown
 * peers (`peerConfig` null), peers awaiting approval, and a deleted peer's last message.
 */
export function networkOnlyMap(serial: number, peerConfig: PeerConfig | null, forwarderPort: number): NetworkMap {
  return {
    serial,
    peerConfig,
    remotePeers: [],
    remotePeersIsEmpty: true,
    offlinePeers: [],
    firewallRules: [],
    firewallRulesIsEmpty: true,
    routes: [],
    routesFirewallRules: [],
    routesFirewallRulesIsEmpty: true,
    dnsConfig: disabledDnsConfig(forwarderPort),
    checks: [],
    sshAuthorizedUsers: {},
  };
}

/**
 * Computes the map for `peerId`. Throws `Internal` when a policy that applies posture checks to
 * the peer references a missing group or check (as upstream fails Login/Sync then).
 */
export function computeNetworkMap(input: ComputeNetworkMapInput): NetworkMap {
  const { snapshot, peerId, now } = input;
  const dnsDomain = resolveDnsDomain(snapshot.account.settings, input.dnsDomain);
  const index = accountIndexFor(snapshot);
  const self = index.indexOf.get(peerId);
  if (self === undefined) return networkOnlyMap(snapshot.account.network.serial, null, index.forwarderPort);
  const peer = index.peers[self]!;
  if (index.validated[self] !== 1) return networkOnlyMap(snapshot.account.network.serial, peerConfigOf(snapshot, peer, dnsDomain, false), index.forwarderPort);

  const checks = postureChecksFor(snapshot, peerId).map(toChecksConfig);
  const conn = connectionsFor(index, self);
  const view = index.dnsView(dnsDomain);
  let remotePeers: ListCut<RemotePeer>;
  let offlinePeers: readonly RemotePeer[] = [];
  let reachable: Int32Array = conn.acl;
  if (!index.loginsMayExpire) {
    // Nobody can be expired: the receiver's remote peers are its class's (shared, see class-lists.ts).
    remotePeers = classRemotePeers(conn.shared, view, conn.selfAt);
  } else {
    const online: RemotePeer[] = [];
    const offline: RemotePeer[] = [];
    const live: number[] = [];
    for (const i of conn.acl) {
      if (isPeerLoginExpired(index.peers[i]!, snapshot.account.settings, now)) offline.push(view.remote[i]!);
      else {
        online.push(view.remote[i]!);
        live.push(i);
      }
    }
    remotePeers = whole(online);
    offlinePeers = offline;
    reachable = Int32Array.from(live);
  }
  // Networks (§4.5, §4.9): resource routes and rules come first; routers/sources are pulled in.
  const resources = networkResourcesFor(index, self, conn.acl);
  if (resources.extraPeers.length > 0) remotePeers = whole([...materialize(remotePeers), ...resources.extraPeers.map((i) => view.remote[i]!)]);
  const legacyRouteRules = routeFirewallRulesFor(index, self);
  const routesFirewallRules = resources.firewallRules.length > 0 ? [...resources.firewallRules, ...legacyRouteRules] : legacyRouteRules;
  const legacyRoutes = routesToSync(index, self, reachable);
  const map: NetworkMap = {
    serial: snapshot.account.network.serial,
    peerConfig: peerConfigOf(snapshot, peer, dnsDomain, conn.ssh.enabled),
    remotePeers: [], // both lists are the cuts below
    remotePeersIsEmpty: cutLength(remotePeers) === 0,
    offlinePeers,
    firewallRules: [],
    firewallRulesIsEmpty: cutLength(conn.firewallRules) === 0,
    routes: resources.routes.length > 0 ? [...resources.routes, ...legacyRoutes] : legacyRoutes,
    routesFirewallRules,
    routesFirewallRulesIsEmpty: routesFirewallRules.length === 0,
    // Zone records include expired peers, so they are always the class's.
    dnsConfig: dnsConfigFor(index, self, dnsDomain, () => {
      const records = classZoneRecords(conn.shared, view, self, conn.selfAt);
      // Peers pulled in by Networks resolve too, as upstream filters records by the final peer list.
      return resources.extraPeers.length === 0 ? records : [...records, ...resources.extraPeers.flatMap((i) => view.records[i]!)];
    }),
    checks,
    sshAuthorizedUsers: authorizedUsersOf(conn.ssh),
  };
  return withListCuts(map, { remotePeers, firewallRules: conn.firewallRules });
}
