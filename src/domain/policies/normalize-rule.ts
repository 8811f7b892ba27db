import type { RuleProtocol } from '../model.js';

/**
 * Upstream's legacy fix-up (SEMANTICS.md §1.7): an empty protocol means `all`, and `all`
 * forces the rule bidirectional.
 */
export function normalizeRuleProtocol(protocol: RuleProtocol | '', bidirectional: boolean): { protocol: RuleProtocol; bidirectional: boolean } {
  const p: RuleProtocol = protocol === '' ? 'all' : protocol;
  return { protocol: p, bidirectional: p === 'all' ? true : bidirectional };
}
