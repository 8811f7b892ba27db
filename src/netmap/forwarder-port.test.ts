import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeForwarderPort, supportsNewForwarderPort } from './forwarder-port.js';

describe('supportsNewForwarderPort', () => {
  const cases: [string, boolean][] = [
    ['0.59.0', true],
    ['0.60.1', true],
    ['1', true],
    ['0.58.9', false],
    ['0.59.0-rc1', false],
    ['development', true],
    ['dev', false],
    ['', false],
    ['0.059.0', false],
  ];
  for (const [version, expected] of cases) {
    it(`${JSON.stringify(version)} → ${expected}`, () => assert.equal(supportsNewForwarderPort(version), expected));
  }
});

describe('computeForwarderPort', () => {
  it('is 5353 for an account without peers', () => assert.equal(computeForwarderPort([]), 5353));
  it('is 22054 when all peers are new', () => assert.equal(computeForwarderPort(['0.59.0', 'development']), 22054));
  it('is 5353 when any peer is old or unparsable', () => {
    assert.equal(computeForwarderPort(['0.59.0', '0.40.0']), 5353);
    assert.equal(computeForwarderPort(['0.59.0', 'garbage']), 5353);
  });
});
