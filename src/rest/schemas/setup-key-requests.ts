import { Type, type Static } from 'typebox';

/** List members may be absent or `null` (upstream's Go client sends `null` for an empty slice): both mean empty. */

/** OpenAPI `CreateSetupKeyRequest`; `expires_in` in seconds, 0 = never. */
export const CreateSetupKeyRequest = Type.Object({
  name: Type.String(),
  type: Type.String(),
  expires_in: Type.Integer(),
  auto_groups: Type.Optional(Type.Array(Type.String())),
  usage_limit: Type.Integer(),
  ephemeral: Type.Optional(Type.Boolean()),
  allow_extra_dns_labels: Type.Optional(Type.Boolean()),
});
export type CreateSetupKeyRequest = Static<typeof CreateSetupKeyRequest>;

/** OpenAPI `SetupKeyRequest` (PUT): only revocation and auto-groups change; absent `auto_groups` is refused when converting, as upstream. */
export const SetupKeyRequest = Type.Object({
  revoked: Type.Boolean(),
  auto_groups: Type.Optional(Type.Array(Type.String())),
});
export type SetupKeyRequest = Static<typeof SetupKeyRequest>;
