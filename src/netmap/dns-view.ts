/**
 * Per (snapshot, DNS domain) values every map reuses: the remote-peer entry of each peer and
 * the A records of its labels (SEMANTICS.md §4.10, §4.13).
 */
import type { Peer } from '../domain/model.js';
import type { RemotePeer, SimpleRecord } from './network-map.js';
import { peerFqdn } from './peer-fqdn.js';

const TYPE_A = 1;
const CLASS_IN = 'IN';
const TTL = 300;

export interface DnsView {
  readonly dnsDomain: string;
  /** Remote-peer entry per peer index. */
  readonly remote: readonly RemotePeer[];
  /** A records per peer index: the label, then extra labels; none without a label or domain. */
  readonly records: readonly (readonly SimpleRecord[])[];
}

function record(label: string, dnsDomain: string, ip: string): SimpleRecord {
  return Object.freeze({ name: `${label}.${dnsDomain}`, type: TYPE_A, class: CLASS_IN, ttl: TTL, rdata: ip });
}

/** A records for a peer's DNS label and extra labels. */
export function peerRecords(peer: Peer, dnsDomain: string): readonly SimpleRecord[] {
  if (dnsDomain === '' || peer.dnsLabel === '') return [];
  return Object.freeze([peer.dnsLabel, ...peer.extraDnsLabels].map((l) => record(l, dnsDomain, peer.ip)));
}

/** The entry other peers receive for this peer. */
export function remotePeerOf(peer: Peer, dnsDomain: string): RemotePeer {
  return Object.freeze({
    wgPubKey: peer.key,
    allowedIps: Object.freeze([`${peer.ip}/32`]),
    sshPubKey: peer.sshKey,
    fqdn: peerFqdn(peer, dnsDomain),
    agentVersion: peer.meta.netbirdVersion,
  });
}

export function buildDnsView(peers: readonly Peer[], dnsDomain: string): DnsView {
  return {
    dnsDomain,
    remote: peers.map((p) => remotePeerOf(p, dnsDomain)),
    records: peers.map((p) => peerRecords(p, dnsDomain)),
  };
}
