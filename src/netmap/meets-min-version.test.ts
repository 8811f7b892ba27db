import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meetsMinVersion, parseGoVersion, satisfiesMinVersion } from './meets-min-version.js';

describe('parseGoVersion', () => {
  const cases: [string, number[] | null, string][] = [
    ['0.48.0', [0, 48, 0], ''],
    ['v1.2', [1, 2, 0], ''],
    ['10.0.19045.2006', [10, 0, 19045, 2006], ''],
    ['1.2.3-rc.1', [1, 2, 3], 'rc.1'],
    ['1.2.3beta', [1, 2, 3], 'beta'],
    ['1.2.3+build', [1, 2, 3], ''],
    ['development', null, ''],
    ['', null, ''],
    ['1..2', null, ''],
  ];
  for (const [text, segments, pre] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      const v = parseGoVersion(text);
      if (segments === null) return assert.equal(v, null);
      assert.deepEqual(v, { segments, prerelease: pre });
    });
  }
});

describe('meetsMinVersion / satisfiesMinVersion', () => {
  const cases: [string, string, boolean, boolean][] = [
    // min, version, meetsMinVersion (sanitised), satisfiesMinVersion (raw)
    ['0.48.0', '0.48.0', true, true],
    ['0.48.0', '0.47.9', false, false],
    ['0.48.0', '0.50.1-dev', true, false],
    ['0.48.0', '1.0', true, true],
    ['0.48.0', 'development', false, false],
    ['0.48.0', '', false, false],
    ['5.10', '5.15.0', true, true],
    ['10.0.19045', '10.0.19044.1', false, false],
    ['1.0.0-rc.1', '1.0.0-rc.2', true, true],
    ['bogus', '1.0.0', false, false],
  ];
  for (const [min, version, sanitised, raw] of cases) {
    it(`${version} >= ${min}`, () => {
      assert.equal(meetsMinVersion(min, version), sanitised);
      assert.equal(satisfiesMinVersion(min, version), raw);
    });
  }
});
