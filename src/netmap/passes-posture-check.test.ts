import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  geoLocationPasses,
  nbVersionPasses,
  osVersionPasses,
  passesPostureCheck,
  peerNetworkRangePasses,
  processPasses,
} from './passes-posture-check.js';
import { type MetaInit, accountBuilder, testMeta } from './fixtures/account-builder.js';
import { mapOf } from './fixtures/map-view.js';

const m = (init: MetaInit) => testMeta(init);

describe('nbVersionPasses', () => {
  const check = { minVersion: '0.50.0' };
  const cases: [string, boolean][] = [
    ['0.50.0', true],
    ['0.51.2-dev', true],
    ['0.49.9', false],
    ['development', false],
    ['', false],
  ];
  for (const [v, expected] of cases) it(`${v || '(empty)'} → ${expected}`, () => assert.equal(nbVersionPasses(check, m({ netbirdVersion: v })), expected));
});

describe('osVersionPasses', () => {
  const check = {
    darwin: { minVersion: '14.0' },
    linux: { minKernelVersion: '5.10' },
    windows: { minKernelVersion: '10.0.19045' },
  };
  const cases: [string, MetaInit, boolean][] = [
    ['darwin new enough', { goOS: 'darwin', osVersion: '14.2.1' }, true],
    ['darwin too old', { goOS: 'darwin', osVersion: '13.6' }, false],
    ['linux kernel before the dash', { goOS: 'linux', kernelVersion: '6.1.0-18-amd64' }, true],
    ['linux kernel too old', { goOS: 'linux', kernelVersion: '4.19.0-1-amd64' }, false],
    ['windows build', { goOS: 'windows', kernelVersion: '10.0.22631.3007' }, true],
    ['windows older build', { goOS: 'windows', kernelVersion: '10.0.19044.100' }, false],
    ['listed OS without entry fails (android)', { goOS: 'android', osVersion: '14' }, false],
    ['unlisted OS passes', { goOS: 'freebsd' }, true],
    ['unparsable version fails', { goOS: 'darwin', osVersion: 'Sonoma' }, false],
  ];
  for (const [name, init, expected] of cases) it(name, () => assert.equal(osVersionPasses(check, m(init)), expected));
});

describe('geoLocationPasses', () => {
  const locations = [{ countryCode: 'DE', cityName: 'Berlin' }, { countryCode: 'FR', cityName: '' }];
  const cases: [string, 'allow' | 'deny', { countryCode: string; cityName: string } | null, boolean][] = [
    ['no location fails even for deny', 'deny', null, false],
    ['allow: city match', 'allow', { countryCode: 'DE', cityName: 'Berlin' }, true],
    ['allow: other city', 'allow', { countryCode: 'DE', cityName: 'Munich' }, false],
    ['allow: country-wide entry', 'allow', { countryCode: 'FR', cityName: 'Lyon' }, true],
    ['deny: match', 'deny', { countryCode: 'FR', cityName: 'Paris' }, false],
    ['deny: no match', 'deny', { countryCode: 'US', cityName: 'Austin' }, true],
  ];
  for (const [name, action, loc, expected] of cases) it(name, () => assert.equal(geoLocationPasses({ locations, action }, loc), expected));
});

describe('peerNetworkRangePasses', () => {
  const addrs = (...cidrs: string[]) => m({ networkAddresses: cidrs.map((netIP) => ({ netIP, mac: '' })) });
  const cases: [string, 'allow' | 'deny', string[], ReturnType<typeof addrs>, boolean][] = [
    ['allow: masked equality', 'allow', ['192.168.1.0/24'], addrs('192.168.1.20/24'), true],
    ['allow: containment is not enough', 'allow', ['192.168.0.0/16'], addrs('192.168.1.20/24'), false],
    ['deny: match fails', 'deny', ['192.168.1.0/24'], addrs('10.0.0.2/8', '192.168.1.20/24'), false],
    ['deny: no match passes', 'deny', ['192.168.1.0/24'], addrs('10.0.0.2/8'), true],
    ['no addresses fails', 'deny', ['192.168.1.0/24'], addrs(), false],
  ];
  for (const [name, action, ranges, meta, expected] of cases) it(name, () => assert.equal(peerNetworkRangePasses({ ranges, action }, meta), expected));
});

describe('processPasses', () => {
  const check = { processes: [{ linuxPath: '/usr/bin/agent', macPath: '/Applications/Agent', windowsPath: '' }] };
  const running = (goOS: string, path: string, processIsRunning = true) => m({ goOS, files: [{ path, exist: true, processIsRunning }] });
  const cases: [string, ReturnType<typeof running>, boolean][] = [
    ['linux running', running('linux', '/usr/bin/agent'), true],
    ['linux not running', running('linux', '/usr/bin/agent', false), false],
    ['darwin uses the mac path', running('darwin', '/Applications/Agent'), true],
    ['windows without a path fails', running('windows', ''), false],
    ['unsupported OS fails', running('android', '/usr/bin/agent'), false],
  ];
  for (const [name, meta, expected] of cases) it(name, () => assert.equal(processPasses(check, meta), expected));
});

describe('passesPostureCheck', () => {
  const peer = accountBuilder().peer('a', { meta: { netbirdVersion: '0.55.0', goOS: 'linux', kernelVersion: '6.1.0' } }).build().peers[0]!;
  it('passes when every kind passes', () => {
    assert.equal(passesPostureCheck({ nbVersionCheck: { minVersion: '0.50.0' }, osVersionCheck: { linux: { minKernelVersion: '5.0' } } }, peer), true);
  });
  it('fails when any kind fails', () => {
    assert.equal(passesPostureCheck({ nbVersionCheck: { minVersion: '0.50.0' }, osVersionCheck: { linux: { minKernelVersion: '7.0' } } }, peer), false);
  });
  it('an empty definition passes', () => assert.equal(passesPostureCheck({}, peer), true));
  it('geolocation fails without a location', () => {
    assert.equal(passesPostureCheck({ geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'deny' } }, peer), false);
  });
});

describe('geo posture checks in the map (snapshot peerLocations)', () => {
  const build = () =>
    accountBuilder({ allGroup: false }).peer('de').peer('fr').peer('unknown').peer('dst')
      .group('src', ['de', 'fr', 'unknown']).group('dst', ['dst'])
      .postureCheck('geo', { geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: '' }], action: 'allow' } })
      .policy('p', { sourcePostureChecks: ['geo'], rules: [{ sources: ['src'], destinations: ['dst'], bidirectional: true }] })
      .build();
  const locations = new Map([
    ['de', { countryCode: 'DE', cityName: 'Berlin', geoNameId: 2950159 }],
    ['fr', { countryCode: 'FR', cityName: 'Paris', geoNameId: 2988507 }],
  ]);
  it('only the source peer in an allowed country reaches the destination; a peer without a location fails', () => {
    const s = { ...build(), peerLocations: locations };
    const names = (peer: string) => mapOf(s, peer).remotePeers.map((p) => p.wgPubKey.replace(/^key-/, '')).sort();
    assert.deepEqual(names('dst'), ['de']);
    assert.deepEqual(names('de'), ['dst']);
    assert.deepEqual(names('fr'), []);
    assert.deepEqual(names('unknown'), []);
  });
  it('without locations (no database) every geo-checked source fails', () => {
    assert.deepEqual(mapOf(build(), 'dst').remotePeers, []);
  });
});
