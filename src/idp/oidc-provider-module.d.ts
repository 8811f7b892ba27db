/**
 * The slice of `oidc-provider` (which ships no types) Roost uses — the embedded IdP and the test
 * provider. Configuration stays loose on purpose: the library validates it at construction.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: { readonly name: string; readonly reasons?: readonly string[] };
    readonly params: Readonly<Record<string, unknown>>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    /** Koa's request handler; the caller owns the listening server. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    proxy: boolean;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, opts?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }

  type OidcError = new (description?: string, detail?: string) => Error;
  export const errors: { readonly InvalidTarget: OidcError; readonly [name: string]: OidcError };

  export default Provider;
}
