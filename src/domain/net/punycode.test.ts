import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import { toAsciiLabel } from './punycode.js';

test('toAsciiLabel encodes as RFC 3492 and keeps ASCII labels', () => {
  const cases: [string, string][] = [
    ['münchen', 'xn--mnchen-3ya'],
    ['bücher', 'xn--bcher-kva'],
    ['ü', 'xn--tda'],
    ['日本語', 'xn--wgv71a119e'],
    // RFC 3492 §7.1 (L): mixed case is kept for basic code points.
    ['3年B組金八先生', 'xn--3B-ww4c5e180e575a65lsy2b'],
    // Astral code points count once, not as two UTF-16 halves.
    ['😀', 'xn--e28h'],
    // A full stop of another script is a character of the label, not a separator.
    ['a。b', 'xn--ab-r13a'],
    ['plain-host', 'plain-host'],
    ['MiXeD', 'MiXeD'],
    ['', ''],
  ];
  for (const [input, want] of cases) assert.equal(toAsciiLabel(input), want, input);
});

test('toAsciiLabel agrees with the WHATWG IDNA conversion on lower-case labels', () => {
  for (const label of ['straße-pc', 'café', 'ödön', 'δοκιμή']) {
    // domainToASCII also maps (ß → ss); compare only where no mapping applies.
    const ours = toAsciiLabel(label);
    const node = domainToASCII(label);
    if (!label.includes('ß')) assert.equal(ours, node, label);
    assert.ok(ours.startsWith('xn--'), label);
  }
});
