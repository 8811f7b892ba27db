import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from './fixtures/account-builder.js';
import { mapOf } from './fixtures/map-view.js';
import { postureChecksFor, toChecksConfig } from './posture-checks-for.js';
import { isRoostError } from '../domain/errors.js';

const base = () =>
  accountBuilder().peer('a').peer('b').group('ga', ['a']).group('gb', ['b'])
    .postureCheck('proc', { processCheck: { processes: [{ linuxPath: '/usr/bin/edr', macPath: '/Applications/EDR.app', windowsPath: '' }] } })
    .postureCheck('ver', { nbVersionCheck: { minVersion: '0.50.0' } });

describe('postureChecksFor', () => {
  it('applies every check of a policy whose enabled rule has the peer in a source group', () => {
    const s = base().policy('p', { sourcePostureChecks: ['ver', 'proc'], rules: [{ sources: ['ga'], destinations: ['gb'] }] }).build();
    assert.deepEqual(postureChecksFor(s, 'a').map((c) => c.id), ['proc', 'ver']);
    assert.deepEqual(postureChecksFor(s, 'b'), []);
  });

  it('ignores disabled policies and disabled rules', () => {
    const s = base()
      .policy('off', { enabled: false, sourcePostureChecks: ['proc'], rules: [{ sources: ['ga'] }] })
      .policy('p', { sourcePostureChecks: ['ver'], rules: [{ sources: ['ga'], enabled: false }] }).build();
    assert.deepEqual(postureChecksFor(s, 'a'), []);
  });

  it('a missing posture check or source group fails with Internal', () => {
    const missingCheck = base().policy('p', { sourcePostureChecks: ['gone'], rules: [{ sources: ['ga'] }] }).build();
    assert.throws(() => postureChecksFor(missingCheck, 'a'), (e) => isRoostError(e, 'Internal'));
    const missingGroup = base().policy('p', { sourcePostureChecks: ['ver'], rules: [{ sources: ['nope', 'ga'] }] }).build();
    assert.throws(() => postureChecksFor(missingGroup, 'a'), (e) => isRoostError(e, 'Internal'));
  });
});

describe('checks in the map', () => {
  it('one entry per check; only process checks carry files', () => {
    const s = base().policy('p', { sourcePostureChecks: ['proc', 'ver'], rules: [{ sources: ['ga'], destinations: ['gb'] }] }).build();
    assert.deepEqual(mapOf(s, 'a').checks, [{ files: ['/usr/bin/edr', '/Applications/EDR.app'] }, { files: [] }]);
    assert.deepEqual(mapOf(s, 'b').checks, []);
  });

  it('toChecksConfig collects every non-empty path', () => {
    const check = { id: 'c', accountId: 'x', name: 'c', description: '', checks: { processCheck: { processes: [
      { linuxPath: '/l', macPath: '', windowsPath: 'C:\\w.exe' }, { linuxPath: '', macPath: '/m', windowsPath: '' },
    ] } } };
    assert.deepEqual(toChecksConfig(check), { files: ['/l', 'C:\\w.exe', '/m'] });
  });
});
