import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseForms } from './oidc-browser.js';

test('parseForms reads action, method and named inputs, decoding entities; buttons are not inputs', () => {
  const page = 'http://127.0.0.1:1234/device';
  const cases: [string, string, ReturnType<typeof parseForms>][] = [
    ['no form', '<p>Sign-in Success</p>', []],
    [
      'device confirm form',
      `<form id="op.deviceConfirmForm" method="post" action="/device">
         <input type="hidden" name="xsrf" value="a&amp;b"/><input type="hidden" name="confirm" value="yes"/></form>
       <button type="submit" form="op.deviceConfirmForm" value="yes" name="abort">[ Abort ]</button>`,
      [{ action: 'http://127.0.0.1:1234/device', method: 'POST', inputs: [{ name: 'xsrf', type: 'hidden', value: 'a&b' }, { name: 'confirm', type: 'hidden', value: 'yes' }] }],
    ],
    [
      'login form: visible inputs without values, unnamed inputs skipped',
      `<form autocomplete="off" action="/interaction/x1" method="post"><input type="hidden" name="prompt" value="login"/>
       <input required type="text" name="login" autofocus="on"><input required type=password name='password'><input type="checkbox"></form>`,
      [{ action: 'http://127.0.0.1:1234/interaction/x1', method: 'POST', inputs: [{ name: 'prompt', type: 'hidden', value: 'login' }, { name: 'login', type: 'text', value: '' }, { name: 'password', type: 'password', value: '' }] }],
    ],
    ['GET by default, action defaults to the page', '<FORM><INPUT NAME="q" VALUE="&#x41;&#66;"></FORM>', [{ action: page, method: 'GET', inputs: [{ name: 'q', type: 'text', value: 'AB' }] }]],
  ];
  for (const [name, html, expected] of cases) assert.deepEqual(parseForms(html, page), expected, name);
});
