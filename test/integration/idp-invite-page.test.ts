/**
 * Roost's invite page over plain HTTP (the browser tests drive the happy path): an unknown or
 * malformed link is a 404 page, a refusal leaves the invite usable, the page is limited per
 * client IP, and neither the token nor a password reaches the log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, cliFlow, pkceSignIn, startEmbeddedIdpServer } from '../harness/embedded-idp-server.js';

const OWNER = { email: 'owner@example.test', password: 'a good passphrase', name: 'Olivia Owner' };

test('the invite page: unknown links, a refused password, the per-IP limit', async (t) => {
  const s = await startEmbeddedIdpServer();
  t.after(() => s.stop());
  assert.equal((await api(s.base, '/setup', undefined, { method: 'POST', body: JSON.stringify(OWNER) })).status, 200);
  const { tokens } = await pkceSignIn(cliFlow(s.issuer, { clientId: 'netbird-dashboard', audience: 'netbird-dashboard' }), OWNER, { redirect: s.dashboardRedirect, exactRedirect: true });
  const made = await api(s.base, '/users/invites', tokens.access_token, { method: 'POST', body: JSON.stringify({ email: 'ivy@example.test', name: 'Ivy', role: 'user', auto_groups: [] }) });
  const { invite_token: token } = (await made.json()) as { invite_token: string };
  const page = (query: string, init: RequestInit = {}) => fetch(`${s.issuer}/invite${query}`, init);

  const shown = await page(`?token=${token}`);
  assert.equal(shown.status, 200);
  assert.equal(shown.headers.get('cache-control'), 'no-store');
  assert.match(await shown.text(), /ivy@example\.test/);
  // The last character changed to another one (a fixed 'x' is the same token when it already ends in x).
  const altered = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
  for (const bad of ['', '?token=nbi_short', `?token=${altered}`]) {
    const res = await page(bad);
    assert.equal(res.status, 404, bad);
    assert.match(await res.text(), /Invitation not found/);
  }

  const form = (password: string, confirm = password) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, password, confirm }).toString() });
  const weak = await page('', form('Sh0rt!'));
  assert.equal(weak.status, 422);
  assert.match(await weak.text(), /role="alert">Password must be at least 8 characters long\./);
  assert.equal((await api(s.base, `/users/invites/${token}`)).status, 200, 'the invite is still there');

  // Ten requests a minute per client IP: the burst runs out within a few more.
  let limited: Response | undefined;
  for (let i = 0; i < 12 && !limited; i++) {
    const res = await page(`?token=${token}`);
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, 'never limited');
  assert.equal(limited.headers.get('retry-after'), '60');
  assert.ok(!s.logged().includes(token) && !s.logged().includes('Sh0rt!'), 'a secret was logged');
});
