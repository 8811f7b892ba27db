import { Type, type Static } from '@fastify/type-provider-typebox';

/** OpenAPI `DNSSettings` (PUT /api/dns/settings). */
export const DnsSettingsRequest = Type.Object({ disabled_management_groups: Type.Array(Type.String()) });
export type DnsSettingsRequest = Static<typeof DnsSettingsRequest>;
