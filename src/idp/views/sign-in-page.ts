import { escapeHtml } from './escape-html.js';
import { alertLine, pageLayout } from './page-layout.js';

/** E-mail and password form posted to `action`; the e-mail is kept after a failed attempt. */
export function signInPage(v: { action: string; email?: string; error?: string }): string {
  return pageLayout(
    'Sign in',
    `${alertLine(v.error)}
<form method="post" action="${escapeHtml(v.action)}">
<label for="login">E-mail</label>
<input id="login" name="login" type="email" autocomplete="username" required autofocus value="${escapeHtml(v.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}
