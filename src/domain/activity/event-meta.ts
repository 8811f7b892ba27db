import type { Account, Peer, Route, SetupKey, User } from '../model.js';

/** RFC 3339 with nanoseconds, as upstream writes times into meta (`created_at`). */
export function metaTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The DNS domain peers' FQDNs use: the account's setting, else the server's. */
export function accountDnsDomain(account: Pick<Account, 'settings'> | undefined, serverDnsDomain: string | undefined): string {
  const own = account?.settings.dnsDomain ?? '';
  return own !== '' ? own : (serverDnsDomain ?? '');
}

/** Upstream's peer meta (`Peer.EventMeta`): name, FQDN, IP, creation time and location. */
export function peerEventMeta(peer: Peer, dnsDomain: string): Record<string, unknown> {
  return {
    name: peer.name,
    fqdn: dnsDomain === '' ? '' : `${peer.dnsLabel}.${dnsDomain}`,
    ip: peer.ip,
    created_at: metaTime(peer.createdAt),
    location_city_name: '',
    location_country_code: '',
    location_geo_name_id: 0,
    location_connection_ip: peer.connectionIp,
  };
}

/** Upstream's setup key meta: name, type and the masked key. */
export function setupKeyEventMeta(key: SetupKey): Record<string, unknown> {
  return { name: key.name, type: key.type, key: key.keySecret };
}

/**
 * Upstream's route meta. A route served by one peer has no peer groups, which upstream stores
 * as null (shown `<nil>`); domain routes show their domains joined by ", ".
 */
export function routeEventMeta(route: Route): Record<string, unknown> {
  return {
    name: route.netId,
    network_range: route.network,
    domains: route.domains.join(', '),
    peer_id: route.peer,
    peer_groups: route.peer !== '' && route.peerGroups.length === 0 ? null : [...route.peerGroups],
  };
}

/** What upstream adds to events about a user's groups or tokens. */
export function userEventMeta(user: User): Record<string, unknown> {
  return { is_service_user: user.isServiceUser, user_name: user.isServiceUser ? user.name : '' };
}
