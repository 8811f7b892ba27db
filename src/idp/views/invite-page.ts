import { escapeHtml } from './escape-html.js';
import { alertLine, pageLayout } from './page-layout.js';

/** What the invite page shows of an invite (the public view, IDENTITY.md §5.2). */
export interface InviteView {
  readonly email: string;
  readonly name: string;
  readonly invitedBy: string;
  readonly expiresAtMs: number;
}

/** The password rule, shown before the person types (the same one acceptance enforces). */
export const INVITE_PASSWORD_HINT = 'At least 8 characters, with a digit, an upper-case letter and a symbol.';

/**
 * The invited person chooses a password: who invited whom, then a new password typed twice.
 * The token travels in a hidden field (the link's credential); nothing else is needed.
 */
export function invitePage(v: { action: string; token: string; invite: InviteView; error?: string }): string {
  const who = v.invite.invitedBy ? `${escapeHtml(v.invite.invitedBy)} invited you` : 'You are invited';
  const expires = new Date(v.invite.expiresAtMs).toUTCString();
  return pageLayout(
    'Accept your invitation',
    `${alertLine(v.error)}
<p>${who} to NetBird as <strong>${escapeHtml(v.invite.name)}</strong> (<strong>${escapeHtml(v.invite.email)}</strong>). This invitation expires ${escapeHtml(expires)}.</p>
<form method="post" action="${escapeHtml(v.action)}">
<input type="hidden" name="token" value="${escapeHtml(v.token)}">
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="72" aria-describedby="password-hint">
<p id="password-hint" class="hint">${INVITE_PASSWORD_HINT}</p>
<label for="confirm">Confirm password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="8" maxlength="72">
<button type="submit">Create account</button>
</form>`,
  );
}
