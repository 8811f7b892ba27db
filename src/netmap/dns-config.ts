/**
 * DNS configuration of a receiver (SEMANTICS.md §4.10): service on unless the receiver is in a
 * DNS-disabled management group; the peer zone limited to the receiver and the peers it can
 * see, then the account's custom zones distributed to it; nameserver groups distributed to its
 * groups, minus those it serves itself.
 */
import type { NameServerGroup } from '../domain/model.js';
import type { AccountIndex } from './account-index.js';
import { accountZonesFor } from './account-zones.js';
import type { CustomZone, DnsConfig, NameServerGroupConfig, SimpleRecord } from './network-map.js';

/** False when the receiver is in any DNS-disabled management group. */
export function dnsServiceEnabled(disabledGroups: readonly string[], receiverGroups: ReadonlySet<string>): boolean {
  return !disabledGroups.some((g) => receiverGroups.has(g));
}

/** Enabled, distributed to one of the receiver's groups, and not listing the receiver's own IP. */
export function nameServerGroupApplies(ns: NameServerGroup, receiverGroups: ReadonlySet<string>, receiverIp: string): boolean {
  if (!ns.enabled || !ns.groups.some((g) => receiverGroups.has(g))) return false;
  return !ns.nameServers.some((s) => s.ip === receiverIp);
}

function toConfig(ns: NameServerGroup): NameServerGroupConfig {
  return {
    nameServers: ns.nameServers.map((s) => ({ ip: s.ip, nsType: s.nsType, port: s.port })),
    primary: ns.primary,
    domains: ns.domains,
    searchDomainsEnabled: ns.searchDomainsEnabled,
  };
}

function peerZone(dnsDomain: string, records: readonly SimpleRecord[]): CustomZone {
  const domain = dnsDomain.endsWith('.') ? dnsDomain : `${dnsDomain}.`;
  return { domain, records, searchDomainDisabled: false, nonAuthoritative: false };
}

/** DNS for a disabled or network-only map: nothing but the forwarder port. */
export function disabledDnsConfig(forwarderPort: number): DnsConfig {
  return { serviceEnable: false, nameServerGroups: [], customZones: [], forwarderPort };
}

/**
 * @param zoneRecords the peer zone's records: the receiver's own and its ACL peers' (expired
 *   included), in index order; asked for only when the zone is sent
 */
export function dnsConfigFor(index: AccountIndex, receiverIndex: number, dnsDomain: string, zoneRecords: () => readonly SimpleRecord[]): DnsConfig {
  const groups = index.groupsOf[receiverIndex]!;
  const disabled = index.snapshot.account.dnsSettings.disabledManagementGroups;
  if (!dnsServiceEnabled(disabled, groups)) return disabledDnsConfig(index.forwarderPort);
  const receiver = index.peers[receiverIndex]!;
  const ip = receiver.ip;
  const nameServerGroups = [...index.snapshot.nameServerGroups]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((ns) => nameServerGroupApplies(ns, groups, ip))
    .map(toConfig);
  return {
    serviceEnable: true,
    nameServerGroups,
    customZones: [
      ...(dnsDomain === '' ? [] : [peerZone(dnsDomain, zoneRecords())]),
      ...accountZonesFor(index.snapshot.dnsZones ?? [], groups, receiver.meta.netbirdVersion),
    ],
    forwarderPort: index.forwarderPort,
  };
}
