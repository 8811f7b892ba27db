import { Type, type Static } from 'typebox';

/** OpenAPI `DNSSettings` (PUT /api/dns/settings); absent or `null` groups mean none. */
export const DnsSettingsRequest = Type.Object({ disabled_management_groups: Type.Optional(Type.Array(Type.String())) });
export type DnsSettingsRequest = Static<typeof DnsSettingsRequest>;
