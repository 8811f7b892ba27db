import { escapeHtml } from './escape-html.js';
import { pageLayout } from './page-layout.js';

/** Confirms a sign-out the dashboard asked for (RP-initiated logout); "stay" keeps the session. */
export function signOutPage(v: { action: string; xsrf: string }): string {
  const form = (extra: string, label: string, cls = '') =>
    `<form method="post" action="${escapeHtml(v.action)}"><input type="hidden" name="xsrf" value="${escapeHtml(v.xsrf)}">${extra}<button type="submit"${cls}>${label}</button></form>`;
  return pageLayout('Sign out', `<p>Do you want to sign out of NetBird?</p>\n${form('<input type="hidden" name="logout" value="yes">', 'Sign out')}\n${form('', 'Stay signed in', ' class="secondary"')}`);
}
