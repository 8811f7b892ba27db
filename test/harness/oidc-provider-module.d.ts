/**
 * The slice of `oidc-provider` (which ships no types) the test provider uses. Configuration is
 * left loose on purpose: the library validates it at construction and the harness is its only user.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    /** Koa's request handler; the harness owns the listening server. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    proxy: boolean;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  type OidcError = new (description?: string, detail?: string) => Error;
  export const errors: { readonly InvalidTarget: OidcError; readonly [name: string]: OidcError };

  export default Provider;
}
