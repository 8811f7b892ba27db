import type { DnsZone } from '../model.js';

/** The zones that distribute to `groupId`, as `DNS zone <name>` (a group in use cannot be deleted). */
export function zonesUsingGroup(groupId: string, zones: readonly DnsZone[]): string[] {
  return zones.filter((z) => z.distributionGroups.includes(groupId)).map((z) => `DNS zone ${z.name}`);
}
