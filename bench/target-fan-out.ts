import type { TargetArgs } from './bench-args.js';

/** How the fan-out's one change is made on a `--target` server, or why it is not measured. */
export type TargetFanOut =
  | { readonly kind: 'policy'; readonly apiUrl: string; readonly token: string }
  | { readonly kind: 'peer' }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * The change a foreign server lets the bench make: a policy's description over the standard
 * NetBird REST API when given its URL and a token, one more registration when asked
 * (`--fan-out-change peer`: only a change every peer sees when the account's policies let
 * every peer see the new one), otherwise none.
 */
export function targetFanOut(target: Pick<TargetArgs, 'api'>, fanOutChange: 'policy' | 'peer'): TargetFanOut {
  if (fanOutChange === 'peer') return { kind: 'peer' };
  if (target.api) return { kind: 'policy', apiUrl: target.api.url, token: target.api.token };
  return { kind: 'none', reason: 'no --api-url/--api-token to change a policy (or --fan-out-change peer)' };
}
