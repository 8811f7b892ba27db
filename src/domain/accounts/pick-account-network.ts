import type { Random } from '../random.js';

/** One of the 64 /16 subnets inside 100.64.0.0/10, uniformly (SEMANTICS.md §1.2). */
export function pickAccountNetwork(random: Random): string {
  return `100.${64 + random.int(64)}.0.0/16`;
}
