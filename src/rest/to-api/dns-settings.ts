import type { Account } from '../../domain/model.js';

/** OpenAPI `DNSSettings`. */
export interface ApiDnsSettings {
  disabled_management_groups: string[];
}

export function toApiDnsSettings(s: Account['dnsSettings']): ApiDnsSettings {
  return { disabled_management_groups: [...s.disabledManagementGroups] };
}
