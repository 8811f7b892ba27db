import { escapeHtml } from './escape-html.js';
import { alertLine, pageLayout } from './page-layout.js';

/**
 * The first owner of a fresh instance (IDENTITY.md §4), for an operator without the dashboard:
 * name, e-mail and a password typed twice. What was typed (but the password) is kept after a
 * refusal.
 */
export function setupPage(v: { action: string; name?: string; email?: string; error?: string }): string {
  return pageLayout(
    'Create the owner account',
    `${alertLine(v.error)}
<p>This NetBird server has no users yet. The account you create here owns it.</p>
<form method="post" action="${escapeHtml(v.action)}">
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="name" required autofocus value="${escapeHtml(v.name ?? '')}">
<label for="email">E-mail</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(v.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="72" aria-describedby="password-hint">
<p id="password-hint" class="hint">8 to 72 characters.</p>
<label for="confirm">Confirm password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="8" maxlength="72">
<button type="submit">Create owner</button>
</form>`,
  );
}
