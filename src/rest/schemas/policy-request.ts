import { Type, type Static } from 'typebox';
import { ResourceRequest } from './group-request.js';

const Opt = Type.Optional;

/** OpenAPI `PolicyRuleUpdate` (also used for creation, as upstream does). */
export const PolicyRuleRequest = Type.Object({
  id: Opt(Type.String()),
  name: Type.String(),
  description: Opt(Type.String()),
  enabled: Type.Boolean(),
  action: Type.String(),
  bidirectional: Type.Boolean(),
  protocol: Type.String(),
  ports: Opt(Type.Array(Type.String())),
  port_ranges: Opt(Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer() }))),
  authorized_groups: Opt(Type.Record(Type.String(), Type.Array(Type.String()))),
  authorized_user: Opt(Type.String()),
  sources: Opt(Type.Array(Type.String())),
  sourceResource: Opt(ResourceRequest),
  destinations: Opt(Type.Array(Type.String())),
  destinationResource: Opt(ResourceRequest),
});
export type PolicyRuleRequest = Static<typeof PolicyRuleRequest>;

/** OpenAPI `PolicyCreate` / `PolicyUpdate`; absent or `null` lists are empty. */
export const PolicyRequest = Type.Object({
  name: Type.String(),
  description: Opt(Type.String()),
  enabled: Type.Boolean(),
  source_posture_checks: Opt(Type.Array(Type.String())),
  rules: Opt(Type.Array(PolicyRuleRequest)),
});
export type PolicyRequest = Static<typeof PolicyRequest>;
