import { Type, type Static } from 'typebox';

/** OpenAPI `UserCreateRequest`; absent or `null` `auto_groups` means none. */
export const UserCreateRequest = Type.Object({
  email: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  role: Type.String(),
  auto_groups: Type.Optional(Type.Array(Type.String())),
  is_service_user: Type.Boolean(),
});
export type UserCreateRequest = Static<typeof UserCreateRequest>;

/** OpenAPI `UserRequest` (PUT /api/users/{userId}); absent `auto_groups` is refused when converting (400), as upstream. */
export const UserRequest = Type.Object({
  role: Type.String(),
  auto_groups: Type.Optional(Type.Array(Type.String())),
  is_blocked: Type.Boolean(),
});
export type UserRequest = Static<typeof UserRequest>;

/** OpenAPI `PersonalAccessTokenRequest`; `expires_in` is in days (1..365, checked by the domain). */
export const PersonalAccessTokenRequest = Type.Object({
  name: Type.String(),
  expires_in: Type.Integer(),
});
export type PersonalAccessTokenRequest = Static<typeof PersonalAccessTokenRequest>;

/** OpenAPI `PasswordChangeRequest`; missing fields are the domain's 422s. */
export const PasswordChangeRequest = Type.Object({
  old_password: Type.Optional(Type.String()),
  new_password: Type.Optional(Type.String()),
});
export type PasswordChangeRequest = Static<typeof PasswordChangeRequest>;

/** OpenAPI `UserInviteCreateRequest`; `expires_in` in seconds (≤ 0 or absent: 72 h). */
export const UserInviteCreateRequest = Type.Object({
  email: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  role: Type.String(),
  auto_groups: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  expires_in: Type.Optional(Type.Integer()),
});
export type UserInviteCreateRequest = Static<typeof UserInviteCreateRequest>;

/** OpenAPI `UserInviteRegenerateRequest`; the body may be absent. */
export const UserInviteRegenerateRequest = Type.Union([Type.Object({ expires_in: Type.Optional(Type.Integer()) }), Type.Null()]);

/** OpenAPI `UserInviteAcceptRequest`. */
export const UserInviteAcceptRequest = Type.Object({ password: Type.Optional(Type.String()) });
