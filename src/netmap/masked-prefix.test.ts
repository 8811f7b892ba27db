import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskedPrefix } from './masked-prefix.js';

describe('maskedPrefix', () => {
  it('masks host bits of IPv4 prefixes', () => {
    assert.equal(maskedPrefix('192.168.1.20/24'), maskedPrefix('192.168.1.0/24'));
    assert.equal(maskedPrefix('192.168.1.20/24'), '4/24/192.168.1.0');
    assert.equal(maskedPrefix('10.1.2.3/12'), '4/12/10.0.0.0');
  });
  it('keeps prefix length in the identity (equality, not containment)', () => {
    assert.notEqual(maskedPrefix('192.168.1.0/24'), maskedPrefix('192.168.0.0/16'));
  });
  it('parses IPv6 with :: and embedded IPv4', () => {
    assert.equal(maskedPrefix('2001:db8::1/64'), maskedPrefix('2001:0db8:0:0:0:0:0:0/64'));
    assert.equal(maskedPrefix('::ffff:1.2.3.4/128'), maskedPrefix('0:0:0:0:0:ffff:102:304/128'));
    assert.notEqual(maskedPrefix('::ffff:1.2.3.4/128'), maskedPrefix('1.2.3.4/32'));
  });
  const bad = ['1.2.3.4', '1.2.3/24', '1.2.3.400/24', '1.2.3.4/33', '1::2::3/64', 'fe80::/129', 'x/1', '01.2.3.4/8'];
  for (const text of bad) it(`rejects ${text}`, () => assert.equal(maskedPrefix(text), null));
});
