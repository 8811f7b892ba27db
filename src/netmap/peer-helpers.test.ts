import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { peerAddress } from './peer-address.js';
import { peerFqdn, resolveDnsDomain } from './peer-fqdn.js';
import { isPeerLoginExpired } from './is-peer-login-expired.js';
import { isRoostError } from '../domain/errors.js';

const account = (net: string) => ({ network: { identifier: 'n', net, serial: 0 } });

describe('peerAddress', () => {
  it('renders ip/bits of the account network', () => {
    assert.equal(peerAddress({ ip: '100.77.12.9' }, account('100.77.0.0/16')), '100.77.12.9/16');
    assert.equal(peerAddress({ ip: '10.0.0.5' }, account('10.0.0.0/8')), '10.0.0.5/8');
  });
  it('refuses a network without a prefix length', () => {
    assert.throws(() => peerAddress({ ip: '1.2.3.4' }, account('100.64.0.0')), (e) => isRoostError(e, 'Internal'));
    assert.throws(() => peerAddress({ ip: '1.2.3.4' }, account('100.64.0.0/40')), (e) => isRoostError(e, 'Internal'));
  });
});

describe('peerFqdn / resolveDnsDomain', () => {
  it('joins label and domain, empty without a domain', () => {
    assert.equal(peerFqdn({ dnsLabel: 'host-a' }, 'netbird.selfhosted'), 'host-a.netbird.selfhosted');
    assert.equal(peerFqdn({ dnsLabel: 'host-a' }, ''), '');
  });
  it('prefers the account setting over the server default', () => {
    assert.equal(resolveDnsDomain({ dnsDomain: 'corp.example' }, 'netbird.selfhosted'), 'corp.example');
    assert.equal(resolveDnsDomain({ dnsDomain: '' }, 'netbird.selfhosted'), 'netbird.selfhosted');
  });
});

describe('isPeerLoginExpired', () => {
  const settings = { peerLoginExpirationEnabled: true, peerLoginExpiration: 3600 };
  const sso = { userId: 'u1', loginExpirationEnabled: true, lastLogin: 1_000_000 };
  const cases: [string, typeof sso, typeof settings, number, boolean][] = [
    ['before the deadline', sso, settings, 1_000_000 + 3_599_999, false],
    ['exactly at the deadline', sso, settings, 1_000_000 + 3_600_000, true],
    ['after the deadline', sso, settings, 9_000_000_000, true],
    ['setup-key peer', { ...sso, userId: '' }, settings, 9_000_000_000, false],
    ['peer toggle off', { ...sso, loginExpirationEnabled: false }, settings, 9_000_000_000, false],
    ['account setting off', sso, { ...settings, peerLoginExpirationEnabled: false }, 9_000_000_000, false],
  ];
  for (const [name, peer, s, now, expected] of cases) {
    it(name, () => assert.equal(isPeerLoginExpired(peer, s, now), expected));
  }
});
