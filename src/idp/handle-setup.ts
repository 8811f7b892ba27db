import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRoostError } from '../domain/errors.js';
import { readForm, sendHtml } from './html-response.js';
import type { InstanceSetup } from './instance-setup.js';
import { asSentence } from './views/as-sentence.js';
import { messagePage } from './views/message-page.js';
import { setupPage } from './views/setup-page.js';

export interface SetupPageDeps {
  readonly setup: InstanceSetup;
  readonly maxFormBytes: number;
  /** Where the page posts (`<mount>/setup`). */
  readonly action: string;
  /** Where to sign in once done (the dashboard), if known. */
  readonly signInUrl?: string;
  readonly log: { warn(o: object, m: string): void };
}

/**
 * `<mount>/setup`: `POST /api/setup` as a plain HTML form, so a fresh instance needs only a
 * browser (IDENTITY.md §4). Offered only while setup is required; the same rules and words as
 * the JSON endpoint, shown on the page. The form is never logged (it carries a password).
 */
export async function handleSetup(deps: SetupPageDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const done = () => sendHtml(res, 412, messagePage('Setup is complete', ['This server already has an owner. Sign in instead.']));
    if (!deps.setup.setupRequired()) return done();
    if (req.method === 'GET' || req.method === 'HEAD') return sendHtml(res, 200, setupPage({ action: deps.action }));
    if (req.method !== 'POST') return sendHtml(res, 405, messagePage('Setup', ['Unsupported request.']));
    const form = await readForm(req, deps.maxFormBytes);
    const typed = { name: form.get('name') ?? '', email: form.get('email') ?? '' };
    const password = form.get('password') ?? '';
    if (password !== (form.get('confirm') ?? '')) return sendHtml(res, 422, setupPage({ action: deps.action, ...typed, error: 'The two passwords do not match.' }));
    try {
      await deps.setup.setup({ ...typed, password });
    } catch (err) {
      if (isRoostError(err, 'PreconditionFailed')) return done();
      if (!isRoostError(err, 'InvalidArgument')) throw err;
      return sendHtml(res, 422, setupPage({ action: deps.action, ...typed, error: asSentence(err.message) }));
    }
    const next = deps.signInUrl ? `Sign in at ${deps.signInUrl} with ${typed.email} and your password.` : `Sign in with ${typed.email} and your password, e.g. with netbird up.`;
    return sendHtml(res, 200, messagePage('Owner created', [next]));
  } catch (err) {
    deps.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'embedded idp: setup page failed');
    return sendHtml(res, 500, messagePage('Setup', ['Something went wrong. Try again.']));
  }
}
