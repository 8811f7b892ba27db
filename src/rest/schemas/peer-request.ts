import { Type, type Static } from 'typebox';

/** OpenAPI `PeerRequest` (PUT /api/peers/{peerId}). */
export const PeerRequest = Type.Object({
  name: Type.String(),
  ssh_enabled: Type.Boolean(),
  login_expiration_enabled: Type.Boolean(),
  inactivity_expiration_enabled: Type.Boolean(),
  approval_required: Type.Optional(Type.Boolean()),
  ip: Type.Optional(Type.String()),
  /** v0.77: the peer's IPv6 overlay address; Roost has none, so only empty is accepted. */
  ipv6: Type.Optional(Type.String()),
});
export type PeerRequest = Static<typeof PeerRequest>;

/** GET /api/peers filters: exact peer name, exact IP. */
export const PeerListQuery = Type.Object({
  name: Type.Optional(Type.String()),
  ip: Type.Optional(Type.String()),
  /** v0.77: the peer's IPv6 overlay address; Roost has none, so only empty is accepted. */
  ipv6: Type.Optional(Type.String()),
});
export type PeerListQuery = Static<typeof PeerListQuery>;

/** OpenAPI `PeerTemporaryAccessRequest` (POST /api/peers/{peerId}/temporary-access). */
export const PeerTemporaryAccessRequest = Type.Object({
  name: Type.String(),
  wg_pub_key: Type.String(),
  /** `all`, `icmp`, `tcp/22`, `udp/5000-5010`, `netbird-ssh/22` … one policy each. */
  rules: Type.Array(Type.String()),
});
export type PeerTemporaryAccessRequest = Static<typeof PeerTemporaryAccessRequest>;
