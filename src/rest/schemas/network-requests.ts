import { Type, type Static } from 'typebox';

const Opt = Type.Optional;

/** OpenAPI `NetworkRequest`. */
export const NetworkRequest = Type.Object({
  name: Type.String(),
  description: Opt(Type.String()),
});
export type NetworkRequest = Static<typeof NetworkRequest>;

/** OpenAPI `NetworkResourceRequest`; absent or `null` `groups` mean none. */
export const NetworkResourceRequest = Type.Object({
  name: Type.String(),
  description: Opt(Type.String()),
  address: Type.String(),
  enabled: Type.Boolean(),
  groups: Opt(Type.Array(Type.String())),
});
export type NetworkResourceRequest = Static<typeof NetworkResourceRequest>;

/** OpenAPI `NetworkRouterRequest`: one of `peer` and `peer_groups` (checked by the domain). */
export const NetworkRouterRequest = Type.Object({
  peer: Opt(Type.String()),
  peer_groups: Opt(Type.Array(Type.String())),
  metric: Type.Integer(),
  masquerade: Type.Boolean(),
  enabled: Type.Boolean(),
});
export type NetworkRouterRequest = Static<typeof NetworkRouterRequest>;
