import { escapeHtml } from './escape-html.js';
import { alertLine, pageLayout } from './page-layout.js';

/** Where the person types the code their device shows (RFC 8628 §3.3). */
export function deviceCodeInputPage(v: { action: string; xsrf: string; userCode?: string; error?: string }): string {
  return pageLayout(
    'Connect a device',
    `${alertLine(v.error)}
<p>Enter the code shown by <code>netbird up</code> on your device.</p>
<form method="post" action="${escapeHtml(v.action)}">
<input type="hidden" name="xsrf" value="${escapeHtml(v.xsrf)}">
<label for="user_code">Device code</label>
<input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus value="${escapeHtml(v.userCode ?? '')}">
<button type="submit">Continue</button>
</form>`,
  );
}

/** Asks the person to confirm the code matches their device before they sign in. */
export function deviceCodeConfirmPage(v: { action: string; xsrf: string; userCode: string; client: string }): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return pageLayout(
    'Confirm the device',
    `<p><strong>${escapeHtml(v.client)}</strong> asks to sign in. Continue only if your device shows this code:</p>
<p><code>${escapeHtml(v.userCode)}</code></p>
<form method="post" action="${escapeHtml(v.action)}">
${hidden('xsrf', v.xsrf)}${hidden('user_code', v.userCode)}${hidden('confirm', 'yes')}
<button type="submit">Continue</button>
</form>
<form method="post" action="${escapeHtml(v.action)}">
${hidden('xsrf', v.xsrf)}${hidden('user_code', v.userCode)}${hidden('abort', 'yes')}
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}
