/** A stored key generation, as far as rotation cares. */
export interface KeyAge {
  readonly generation: number;
  readonly createdAtMs: number;
}

export interface RotationRule {
  /** A key signs this long before a new one replaces it (upstream's Dex: 720 h). */
  readonly rotateAfterMs: number;
  /** An old key stays published this long after its successor appeared (longest token lifetime). */
  readonly keepMs: number;
}

export const DEFAULT_ROTATION: RotationRule = { rotateAfterMs: 720 * 3600_000, keepMs: 25 * 3600_000 };

/**
 * What to do with the stored keys (newest first): create the next generation when there is
 * none or the newest is due, and drop generations whose successor has been signing for longer
 * than any token lives. Processes racing on `create` insert the same generation; one wins.
 */
export function signingKeyPlan(keys: readonly KeyAge[], nowMs: number, rule: RotationRule): { create?: number; pruneBelow?: number } {
  const newest = keys[0];
  if (!newest) return { create: 1 };
  const plan: { create?: number; pruneBelow?: number } = {};
  if (nowMs - newest.createdAtMs >= rule.rotateAfterMs) plan.create = newest.generation + 1;
  // Key i may go once key i-1 (its successor) has signed for keepMs.
  for (let i = 1; i < keys.length; i++) {
    if (nowMs - keys[i - 1]!.createdAtMs >= rule.keepMs) {
      plan.pruneBelow = keys[i - 1]!.generation;
      break;
    }
  }
  return plan;
}
