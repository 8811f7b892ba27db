/**
 * Account DNS zones in a receiver's DNS config (SEMANTICS.md §4.10 step 2): enabled zones with
 * records whose distribution groups include one of the receiver's groups, served
 * non-authoritatively. Only clients that read `NonAuthoritative` (CustomZone field 4, v0.63.0,
 * PROTOCOL.md §7.6) get them: an older client would answer NXDOMAIN for every other name under
 * the zone's domain (and v0.60.3–v0.62.x would read the flag as `SkipPTRProcess`).
 */
import type { DnsRecord, DnsZone } from '../domain/model.js';
import { meetsMinVersion } from './meets-min-version.js';
import type { CustomZone, SimpleRecord } from './network-map.js';

/** First client version that knows CustomZone field 4 as `NonAuthoritative`. */
export const MIN_ACCOUNT_ZONES_VERSION = '0.63.0';

const RR_TYPE: Record<DnsRecord['type'], number> = { A: 1, AAAA: 28, CNAME: 5 };

const fqdn = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** Whether a client of this version may receive account zones (`development` builds may). */
export function understandsAccountZones(netbirdVersion: string): boolean {
  return netbirdVersion === 'development' || meetsMinVersion(MIN_ACCOUNT_ZONES_VERSION, netbirdVersion);
}

/** The zone as the client reads it: FQDN domain and names, CNAME targets made FQDN. */
export function toCustomZone(zone: DnsZone): CustomZone {
  const records: SimpleRecord[] = zone.records.map((r) => ({
    name: fqdn(r.name),
    type: RR_TYPE[r.type],
    class: 'IN',
    ttl: r.ttl,
    rdata: r.type === 'CNAME' ? fqdn(r.content) : r.content,
  }));
  return { domain: fqdn(zone.domain), records, searchDomainDisabled: !zone.enableSearchDomain, nonAuthoritative: true };
}

/** The account zones a receiver gets, in zone-ID order. */
export function accountZonesFor(zones: readonly DnsZone[], receiverGroups: ReadonlySet<string>, netbirdVersion: string): CustomZone[] {
  if (!understandsAccountZones(netbirdVersion)) return [];
  return [...zones]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((z) => z.enabled && z.records.length > 0 && z.distributionGroups.some((g) => receiverGroups.has(g)))
    .map(toCustomZone);
}
