import { Type, type Static } from 'typebox';

/** OpenAPI `Resource` as requests send it (`type` checked when converting). */
export const ResourceRequest = Type.Object({ id: Type.String(), type: Type.String() });
export type ResourceRequest = Static<typeof ResourceRequest>;

/** OpenAPI `GroupRequest`. */
export const GroupRequest = Type.Object({
  name: Type.String(),
  peers: Type.Optional(Type.Array(Type.String())),
  resources: Type.Optional(Type.Array(ResourceRequest)),
});
export type GroupRequest = Static<typeof GroupRequest>;
