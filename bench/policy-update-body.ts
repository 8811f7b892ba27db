/** The parts of a GET /api/policies/{id} answer a PUT needs back (OpenAPI `Policy`). */
export interface ApiPolicyShape {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly source_posture_checks?: readonly string[];
  readonly rules: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly enabled: boolean;
    readonly action: string;
    readonly bidirectional: boolean;
    readonly protocol: string;
    readonly ports?: readonly string[];
    readonly port_ranges?: readonly { start: number; end: number }[];
    readonly sources?: readonly { readonly id: string }[];
    readonly destinations?: readonly { readonly id: string }[];
  }[];
}

/**
 * The PUT /api/policies/{id} body that keeps `policy` as it is but for its description — a
 * change every peer's map depends on (the serial moves, all streams get a push) that leaves
 * the access graph alone, so repeated runs measure the same fan-out. Groups go back as IDs.
 */
export function policyUpdateBody(policy: ApiPolicyShape, description: string): Record<string, unknown> {
  return {
    name: policy.name,
    description,
    enabled: policy.enabled,
    source_posture_checks: [...(policy.source_posture_checks ?? [])],
    rules: policy.rules.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description ?? '',
      enabled: r.enabled,
      action: r.action,
      bidirectional: r.bidirectional,
      protocol: r.protocol,
      ...(r.ports && r.ports.length > 0 ? { ports: [...r.ports] } : {}),
      ...(r.port_ranges && r.port_ranges.length > 0 ? { port_ranges: r.port_ranges.map((p) => ({ ...p })) } : {}),
      sources: (r.sources ?? []).map((g) => g.id),
      destinations: (r.destinations ?? []).map((g) => g.id),
    })),
  };
}
