import type { Policy } from '../model.js';

export const DEFAULT_POLICY_NAME = 'Default';
export const DEFAULT_POLICY_DESCRIPTION = 'This is a default rule that allows connections between all the resources';

/**
 * The policy a new account starts with (SEMANTICS.md §1.1): one enabled rule, named and
 * identified like the policy, All → All, bidirectional, any protocol, accept.
 */
export function defaultPolicy(accountId: string, policyId: string, allGroupId: string): Policy {
  return {
    id: policyId,
    accountId,
    name: DEFAULT_POLICY_NAME,
    description: DEFAULT_POLICY_DESCRIPTION,
    enabled: true,
    sourcePostureChecks: [],
    rules: [
      {
        id: policyId,
        policyId,
        name: DEFAULT_POLICY_NAME,
        description: DEFAULT_POLICY_DESCRIPTION,
        enabled: true,
        action: 'accept',
        sources: [allGroupId],
        destinations: [allGroupId],
        sourceResource: null,
        destinationResource: null,
        bidirectional: true,
        protocol: 'all',
        ports: [],
        portRanges: [],
        authorizedGroups: {},
        authorizedUser: '',
      },
    ],
  };
}
