import { Type, type Static } from 'typebox';

/** OpenAPI `ZoneRequest`; `enabled` defaults to true when left out (as upstream). */
export const ZoneRequest = Type.Object({
  name: Type.String(),
  domain: Type.String(),
  enabled: Type.Optional(Type.Boolean()),
  enable_search_domain: Type.Boolean(),
  distribution_groups: Type.Array(Type.String()),
});
export type ZoneRequest = Static<typeof ZoneRequest>;

/** OpenAPI `DNSRecordRequest`; the type is checked by the domain (422 for anything but A, AAAA, CNAME). */
export const DnsRecordRequest = Type.Object({
  name: Type.String(),
  type: Type.String(),
  content: Type.String(),
  ttl: Type.Integer(),
});
export type DnsRecordRequest = Static<typeof DnsRecordRequest>;
