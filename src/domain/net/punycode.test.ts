import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import { punycodeEncode, toAsciiLabel } from './punycode.js';

test('punycodeEncode matches RFC 3492 and known labels', () => {
  const cases: [string, string][] = [
    ['münchen', 'mnchen-3ya'],
    ['bücher', 'bcher-kva'],
    ['ü', 'tda'],
    ['日本語', 'wgv71a119e'],
    // RFC 3492 §7.1 (L): mixed case is kept for basic code points.
    ['3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ];
  for (const [input, want] of cases) assert.equal(punycodeEncode(input), want, input);
});

test('toAsciiLabel agrees with the WHATWG IDNA conversion on lower-case labels', () => {
  for (const label of ['straße-pc', 'café', 'ödön', 'δοκιμή']) {
    // domainToASCII also maps (ß → ss); compare only where no mapping applies.
    const ours = toAsciiLabel(label);
    const node = domainToASCII(label);
    if (!label.includes('ß')) assert.equal(ours, node, label);
    assert.ok(ours.startsWith('xn--'), label);
  }
  assert.equal(toAsciiLabel('plain-host'), 'plain-host');
});
