import { Type, type Static } from 'typebox';

const Opt = Type.Optional;

/**
 * OpenAPI `RouteRequest`. Exactly one of `network`/`domains` and one of `peer`/`peer_groups`
 * must be present (checked when converting, as upstream's handler does). Absent or `null`
 * `groups` are empty (the domain then refuses the route).
 */
export const RouteRequest = Type.Object({
  description: Type.String(),
  network_id: Type.String(),
  enabled: Type.Boolean(),
  peer: Opt(Type.String()),
  peer_groups: Opt(Type.Array(Type.String())),
  network: Opt(Type.String()),
  domains: Opt(Type.Array(Type.String())),
  metric: Type.Integer(),
  masquerade: Type.Boolean(),
  groups: Opt(Type.Array(Type.String())),
  keep_route: Type.Boolean(),
  access_control_groups: Opt(Type.Array(Type.String())),
  skip_auto_apply: Opt(Type.Boolean()),
});
export type RouteRequest = Static<typeof RouteRequest>;
