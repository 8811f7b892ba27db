/**
 * Validation of custom DNS zones and records (upstream's zone and record rules), as pure
 * functions: each returns the reason a value is refused, or `null` when it is acceptable.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { DnsRecord, DnsRecordType, DnsZone } from '../model.js';
import { isValidDomainName } from '../net/domain-name.js';

export const DNS_RECORD_TYPES: readonly DnsRecordType[] = ['A', 'AAAA', 'CNAME'];

const noWildcard = (d: string): boolean => !d.startsWith('*.') && isValidDomainName(d);

/** An IPv6 address that is not an IPv4-mapped one (Go's `To4() == nil`). */
const isIPv6Only = (text: string): boolean => isIPv6(text) && !/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(text);

/** Zone fields a caller sets: name 1–255 characters, a non-wildcard domain, ≥ 1 distribution group. */
export function zoneProblem(z: Pick<DnsZone, 'name' | 'domain' | 'distributionGroups'>): string | null {
  if (z.name === '') return 'zone name is required';
  if (z.name.length > 255) return 'zone name exceeds maximum length of 255 characters';
  if (!noWildcard(z.domain)) return 'invalid zone domain format';
  if (z.distributionGroups.length === 0) return 'at least one distribution group is required';
  return null;
}

/** Record fields: a domain name, a known type whose content parses for it, TTL ≥ 0. */
export function recordProblem(r: Pick<DnsRecord, 'name' | 'type' | 'content' | 'ttl'>): string | null {
  if (r.name === '') return 'record name is required';
  if (!isValidDomainName(r.name)) return 'invalid record name format';
  switch (r.type as string) {
    case 'A':
      if (r.content === '') return 'A record is required';
      if (!isIPv4(r.content)) return 'A record must be a valid IPv4 address';
      break;
    case 'AAAA':
      if (r.content === '') return 'AAAA record is required';
      if (!isIPv6Only(r.content)) return 'AAAA record must be a valid IPv6 address';
      break;
    case 'CNAME':
      if (!noWildcard(r.content)) return 'invalid CNAME target format';
      break;
    case '':
      return 'record type is required';
    default:
      return 'invalid record type, must be A, AAAA, or CNAME';
  }
  if (!Number.isInteger(r.ttl) || r.ttl < 0) return 'TTL cannot be negative';
  return null;
}

/** Why `record` cannot join `zone` next to its other records, with the error kind upstream uses. */
export function recordConflict(zone: DnsZone, record: Pick<DnsRecord, 'id' | 'name' | 'type' | 'content'>): { kind: 'InvalidArgument' | 'AlreadyExists'; message: string } | null {
  if (record.name !== zone.domain && !record.name.endsWith(`.${zone.domain}`)) {
    return { kind: 'InvalidArgument', message: 'record name does not belong to zone' };
  }
  for (const other of zone.records) {
    if (other.id === record.id || other.name !== record.name) continue;
    if (other.type === record.type && other.content === record.content) return { kind: 'AlreadyExists', message: 'identical record already exists' };
    if (record.type === 'CNAME' || other.type === 'CNAME') {
      return { kind: 'InvalidArgument', message: `An A, AAAA, or CNAME record with name ${record.name} already exists` };
    }
  }
  return null;
}
