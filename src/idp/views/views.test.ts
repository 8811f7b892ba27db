import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceCodeConfirmPage, deviceCodeInputPage } from './device-code-pages.js';
import { invitePage } from './invite-page.js';
import { setupPage } from './setup-page.js';
import { messagePage } from './message-page.js';
import { signInPage } from './sign-in-page.js';
import { signOutPage } from './sign-out-page.js';

/** Every visible input has a label pointing at it; the page has a language and a title; no script. */
function assertAccessible(html: string, title: string): void {
  assert.match(html, /<html lang="en">/);
  assert.match(html, new RegExp(`<title>${title} · NetBird</title>`));
  assert.match(html, new RegExp(`<h1>${title}</h1>`));
  assert.doesNotMatch(html, /<script/i);
  for (const [, attrs = ''] of html.matchAll(/<input\b([^>]*)>/g)) {
    if (/type="hidden"/.test(attrs)) continue;
    const id = /id="([^"]+)"/.exec(attrs)?.[1];
    assert.ok(id, `input without id: ${attrs}`);
    assert.match(html, new RegExp(`<label for="${id}">`));
  }
}

test('the pages are plain accessible HTML, and what they echo is escaped', () => {
  const table: [string, string][] = [
    [signInPage({ action: '/oauth2/interaction/u1/login', email: '"><script>x</script>', error: 'Invalid e-mail or password.' }), 'Sign in'],
    [deviceCodeInputPage({ action: '/oauth2/device', xsrf: 'x', error: 'bad <code>' }), 'Connect a device'],
    [deviceCodeConfirmPage({ action: '/oauth2/device', xsrf: 'x', userCode: 'ABCD-EFGH', client: 'The NetBird client' }), 'Confirm the device'],
    [messagePage('Device connected', ['You can close this window.']), 'Device connected'],
    [signOutPage({ action: '/oauth2/session/end/confirm', xsrf: 'x' }), 'Sign out'],
    [invitePage({ action: '/oauth2/invite', token: 'nbi_x', invite: { email: 'a@example.test', name: '<b>A</b>', invitedBy: 'O', expiresAtMs: 0 }, error: 'The two passwords do not match.' }), 'Accept your invitation'],
    [setupPage({ action: '/oauth2/setup', name: 'O"', email: 'o@example.test', error: 'Password is required.' }), 'Create the owner account'],
  ];
  for (const [html, title] of table) assertAccessible(html, title);
  assert.match(table[0]![0], /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
  assert.match(table[0]![0], /role="alert"/);
  assert.match(table[1]![0], /bad &lt;code&gt;/);
  assert.match(table[5]![0], /<strong>&lt;b&gt;A&lt;\/b&gt;<\/strong>/);
  assert.match(table[5]![0], /aria-describedby="password-hint"/);
  assert.match(table[6]![0], /value="O&quot;"/);
});
