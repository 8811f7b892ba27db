import { Type, type Static } from 'typebox';

/** OpenAPI `Nameserver`; `ns_type` is `udp` (checked when converting). */
export const NameserverRequest = Type.Object({ ip: Type.String(), ns_type: Type.String(), port: Type.Integer() });

/** OpenAPI `NameserverGroupRequest`; absent or `null` lists are empty (the domain then refuses an empty nameserver or group list). */
export const NameserverGroupRequest = Type.Object({
  name: Type.String(),
  description: Type.String(),
  nameservers: Type.Optional(Type.Array(NameserverRequest)),
  enabled: Type.Boolean(),
  groups: Type.Optional(Type.Array(Type.String())),
  primary: Type.Boolean(),
  domains: Type.Optional(Type.Array(Type.String())),
  search_domains_enabled: Type.Boolean(),
});
export type NameserverGroupRequest = Static<typeof NameserverGroupRequest>;
