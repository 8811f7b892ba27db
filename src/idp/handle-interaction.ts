import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalUsers } from './local-users.js';
import { readForm, sendHtml } from './html-response.js';
import { messagePage } from './views/message-page.js';
import { signInPage } from './views/sign-in-page.js';

type Provider = InstanceType<(typeof import('oidc-provider'))['Provider']>;

export interface InteractionDeps {
  readonly provider: Provider;
  readonly users: LocalUsers;
  readonly maxFormBytes: number;
  readonly mountPath: string;
  readonly log: { warn(o: object, m: string): void };
}

/**
 * The provider's interaction pages (`<mount>/interaction/<uid>`): GET shows the sign-in form,
 * POST `…/login` checks the password (throttled) and hands the user to the provider. Any other
 * prompt (consent) is granted at once — both clients are first-party. Nothing here logs the
 * form: it carries a password.
 */
export async function handleInteraction(deps: InteractionDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  try {
    const [, , uid = '', action = ''] = path.split('?', 1)[0]!.split('/');
    const details = await deps.provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, messagePage('Sign-in failed', ['This sign-in page is out of date. Start again from your application.']));
    const loginAction = `${deps.mountPath}/interaction/${uid}/login`;
    if (details.prompt.name !== 'login') {
      // Consent-free return: the grant is made by loadExistingGrant; finishing resumes the flow.
      return void (await deps.provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true }));
    }
    if (req.method === 'GET' && action === '') return sendHtml(res, 200, signInPage({ action: loginAction }));
    if (req.method !== 'POST' || action !== 'login') return sendHtml(res, 405, messagePage('Sign-in failed', ['Unsupported request.']));
    const form = await readForm(req, deps.maxFormBytes);
    const email = form.get('login') ?? '';
    const password = form.get('password') ?? '';
    const result = await deps.users.signIn(email, password, req.socket.remoteAddress ?? '');
    if (result.ok) return void (await deps.provider.interactionFinished(req, res, { login: { accountId: result.user.id } }, { mergeWithLastSubmission: false }));
    if (result.reason === 'throttled') {
      res.setHeader('retry-after', String(Math.ceil((result.retryAfterMs ?? 0) / 1000)));
      return sendHtml(res, 429, signInPage({ action: loginAction, email, error: 'Too many failed attempts. Wait a few minutes and try again.' }));
    }
    return sendHtml(res, 401, signInPage({ action: loginAction, email, error: 'Invalid e-mail or password.' }));
  } catch (err) {
    const name = (err as { name?: string }).name;
    // The library's own errors (SessionNotFound & co.) carry an OAuth `error`: the interaction expired or the cookie is gone.
    if (typeof (err as { error?: unknown }).error === 'string') return sendHtml(res, 400, messagePage('Sign-in failed', ['This sign-in has expired. Start again from your application.']));
    deps.log.warn({ err: { name, message: (err as Error).message } }, 'embedded idp: interaction failed');
    return sendHtml(res, 500, messagePage('Sign-in failed', ['Something went wrong. Start again from your application.']));
  }
}
