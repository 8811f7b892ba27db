import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRoostError } from '../domain/errors.js';
import { readForm, sendHtml } from './html-response.js';
import { invitePage, type InviteView } from './views/invite-page.js';
import { asSentence } from './views/as-sentence.js';
import { messagePage } from './views/message-page.js';

/** The invite operations the page needs (the domain's embedded-user lifecycle has them). */
export interface InvitePort {
  inviteInfo(token: string): Promise<InviteView & { readonly valid: boolean }>;
  acceptInvite(token: string, password: string): Promise<void>;
}

export interface InviteDeps {
  readonly invites: InvitePort;
  /** Whether this client IP may make one more request (false → 429). */
  readonly allow: (clientIp: string) => boolean;
  readonly maxFormBytes: number;
  /** Where the page posts (`<mount>/invite`). */
  readonly action: string;
  /** Where to sign in once done (the dashboard), if known. */
  readonly signInUrl?: string;
  readonly log: { warn(o: object, m: string): void };
}

/**
 * `<mount>/invite?token=nbi_…`: the invited person's page (IDENTITY.md §5.2) as plain HTML —
 * GET shows who invited them and asks for a password, POST accepts (login, user and invite's
 * removal as the JSON endpoint does). Refusals come back on the page with the reason; the
 * form is never logged (it carries a password and the link's token).
 */
export async function handleInvite(deps: InviteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return sendHtml(res, 405, messagePage('Invitation', ['Unsupported request.']));
    if (!deps.allow(req.socket.remoteAddress ?? '')) {
      res.setHeader('retry-after', '60');
      return sendHtml(res, 429, messagePage('Invitation', ['Too many attempts. Wait a minute and try again.']));
    }
    const form = req.method === 'POST' ? await readForm(req, deps.maxFormBytes) : new URL(req.url ?? '/', 'http://x').searchParams;
    const token = form.get('token') ?? '';
    const invite = await deps.invites.inviteInfo(token).catch((err: unknown) => refusal(err));
    if (typeof invite === 'string') return sendHtml(res, 404, messagePage('Invitation not found', [invite]));
    if (!invite.valid) return sendHtml(res, 410, messagePage('Invitation expired', [`This invitation has expired. Ask ${invite.invitedBy || 'whoever invited you'} for a new link.`]));
    const page = (status: number, error?: string) => sendHtml(res, status, invitePage({ action: deps.action, token, invite, error }));
    if (req.method !== 'POST') return page(200);
    const password = form.get('password') ?? '';
    if (password !== (form.get('confirm') ?? '')) return page(422, 'The two passwords do not match.');
    try {
      await deps.invites.acceptInvite(token, password);
    } catch (err) {
      if (!isRoostError(err, 'InvalidArgument') && !isRoostError(err, 'AlreadyExists') && !isRoostError(err, 'NotFound')) throw err;
      return page(422, asSentence(err.message.replace(/^invalid password: /, '')));
    }
    const next = deps.signInUrl ? [`Sign in at ${deps.signInUrl} with ${invite.email} and your new password.`] : [`Sign in to NetBird with ${invite.email} and your new password.`];
    return sendHtml(res, 200, messagePage('Your account is ready', next));
  } catch (err) {
    deps.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'embedded idp: invite page failed');
    return sendHtml(res, 500, messagePage('Invitation', ['Something went wrong. Try again later.']));
  }
}

/** The reason an invite cannot be shown, as a sentence; anything unexpected is rethrown. */
function refusal(err: unknown): string {
  if (isRoostError(err, 'NotFound') || isRoostError(err, 'InvalidArgument')) return 'This invitation link is not valid. Check that you copied all of it, or ask for a new one.';
  throw err;
}
