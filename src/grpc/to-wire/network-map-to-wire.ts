import { create } from '@bufbuild/protobuf';
import {
  CustomZoneSchema,
  DNSConfigSchema,
  FirewallRuleSchema,
  NetworkMapSchema,
  PeerConfigSchema,
  RemotePeerConfigSchema,
  RuleAction,
  RuleDirection,
  RuleProtocol,
  SimpleRecordSchema,
  type CustomZone as WireCustomZone,
  type DNSConfig as WireDnsConfig,
  type FirewallRule as WireFirewallRule,
  type NetworkMap as WireNetworkMap,
  type PeerConfig as WirePeerConfig,
  type PortInfoSchema,
  type RemotePeerConfig,
  type SimpleRecord as WireSimpleRecord,
} from '../../gen/management_pb.js';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type {
  CustomZone,
  DnsConfig,
  FirewallProtocol,
  FirewallRule,
  NetworkMap,
  PeerConfig,
  RemotePeer,
  RouteFirewallRule,
  SimpleRecord,
} from '../../netmap/network-map.js';
import type { PortRange } from '../../domain/model.js';

const enc = new TextEncoder();

export const PROTOCOL_TO_WIRE: Record<FirewallProtocol, RuleProtocol> = {
  all: RuleProtocol.ALL,
  tcp: RuleProtocol.TCP,
  udp: RuleProtocol.UDP,
  icmp: RuleProtocol.ICMP,
};

export function peerConfigToWire(c: PeerConfig): WirePeerConfig {
  return create(PeerConfigSchema, {
    address: c.address,
    fqdn: c.fqdn,
    sshConfig: {
      sshEnabled: c.sshEnabled,
      jwtConfig: c.sshEnabled && c.sshJwt ? { issuer: c.sshJwt.issuer, audience: c.sshJwt.audience, audiences: [...c.sshJwt.audiences], keysLocation: c.sshJwt.keysLocation, maxTokenAge: 0n } : undefined,
    },
    routingPeerDnsResolutionEnabled: c.routingPeerDnsResolutionEnabled,
    lazyConnectionEnabled: c.lazyConnectionEnabled,
    autoUpdate: { version: c.autoUpdate.version, alwaysUpdate: c.autoUpdate.alwaysUpdate },
  });
}

export function remotePeerToWire(p: RemotePeer): RemotePeerConfig {
  return create(RemotePeerConfigSchema, {
    wgPubKey: p.wgPubKey,
    allowedIps: [...p.allowedIps],
    sshConfig: { sshPubKey: enc.encode(p.sshPubKey) },
    fqdn: p.fqdn,
    agentVersion: p.agentVersion,
  });
}

type PortInfoInit = MessageInitShape<typeof PortInfoSchema>;
const rangeInfo = (r: PortRange): PortInfoInit => ({ portSelection: { case: 'range', value: { start: r.start, end: r.end } } });

/**
 * Firewall rules: TCP/UDP rules without a single port carry PortInfo as a range — the real
 * range, or 0–0 for "no port" (clients treat a zero bound as any port), as upstream does.
 */
export function firewallRuleToWire(r: FirewallRule): WireFirewallRule {
  const portInfo = (r.protocol === 'tcp' || r.protocol === 'udp') && r.port === '' ? rangeInfo(r.portRange ?? { start: 0, end: 0 }) : undefined;
  return create(FirewallRuleSchema, {
    peerIp: r.peerIp,
    direction: r.direction === 'in' ? RuleDirection.IN : RuleDirection.OUT,
    action: r.action === 'accept' ? RuleAction.ACCEPT : RuleAction.DROP,
    protocol: PROTOCOL_TO_WIRE[r.protocol],
    port: r.port,
    portInfo,
    policyId: enc.encode(r.policyId),
  });
}

function routeRuleToWire(r: RouteFirewallRule) {
  const portInfo: PortInfoInit | undefined =
    r.port !== null ? { portSelection: { case: 'port', value: r.port } } : r.portRange ? rangeInfo(r.portRange) : undefined;
  return {
    sourceRanges: [...r.sourceRanges],
    action: r.action === 'accept' ? RuleAction.ACCEPT : RuleAction.DROP,
    destination: r.destination,
    protocol: PROTOCOL_TO_WIRE[r.protocol],
    portInfo,
    isDynamic: r.isDynamic,
    domains: [...r.domains],
    policyId: enc.encode(r.policyId),
    routeId: r.routeId,
  };
}

/** The legacy NetworkMap (field 5) every client version reads. */
export function networkMapToWire(m: NetworkMap): WireNetworkMap {
  const w = networkMapHeadToWire(m);
  w.remotePeers = m.remotePeers.map(remotePeerToWire);
  w.offlinePeers = m.offlinePeers.map(remotePeerToWire);
  w.firewallRules = m.firewallRules.map(firewallRuleToWire);
  w.dnsConfig = dnsConfigToWire(m.dnsConfig);
  return w;
}

/**
 * The NetworkMap without the parts built from snapshot-shared values (remotePeers, offlinePeers,
 * firewallRules, dnsConfig): what encode-sync-message encodes per peer, splicing in the rest.
 */
export function networkMapHeadToWire(m: NetworkMap): WireNetworkMap {
  return create(NetworkMapSchema, {
    serial: BigInt(m.serial),
    peerConfig: m.peerConfig ? peerConfigToWire(m.peerConfig) : undefined,
    remotePeersIsEmpty: m.remotePeersIsEmpty,
    firewallRulesIsEmpty: m.firewallRulesIsEmpty,
    routes: m.routes.map((r) => ({
      id: r.id,
      network: r.network,
      networkType: BigInt(r.networkType),
      peer: r.peer,
      metric: BigInt(r.metric),
      masquerade: r.masquerade,
      netId: r.netId,
      domains: [...r.domains],
      keepRoute: r.keepRoute,
      skipAutoApply: r.skipAutoApply,
    })),
    routesFirewallRules: m.routesFirewallRules.map(routeRuleToWire),
    routesFirewallRulesIsEmpty: m.routesFirewallRulesIsEmpty,
  });
}

export function dnsConfigToWire(d: DnsConfig): WireDnsConfig {
  const w = dnsConfigHeadToWire(d);
  w.customZones = d.customZones.map((z) => {
    const zone = customZoneHeadToWire(z);
    zone.records = z.records.map(simpleRecordToWire);
    return zone;
  });
  return w;
}

/** DNSConfig without customZones. */
export function dnsConfigHeadToWire(d: DnsConfig): WireDnsConfig {
  return create(DNSConfigSchema, {
    serviceEnable: d.serviceEnable,
    nameServerGroups: d.nameServerGroups.map((g) => ({
      nameServers: g.nameServers.map((n) => ({ ip: n.ip, nsType: BigInt(n.nsType), port: BigInt(n.port) })),
      primary: g.primary,
      domains: [...g.domains],
      searchDomainsEnabled: g.searchDomainsEnabled,
    })),
    forwarderPort: BigInt(d.forwarderPort),
  });
}

/** CustomZone without records. */
export function customZoneHeadToWire(z: CustomZone): WireCustomZone {
  return create(CustomZoneSchema, { domain: z.domain, searchDomainDisabled: z.searchDomainDisabled, nonAuthoritative: z.nonAuthoritative });
}

export function simpleRecordToWire(r: SimpleRecord): WireSimpleRecord {
  return create(SimpleRecordSchema, { name: r.name, type: BigInt(r.type), class: r.class, ttl: BigInt(r.ttl), rdata: r.rdata });
}
