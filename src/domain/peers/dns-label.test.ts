import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipSuffixedLabel, parseDomainLabel, registrationDnsLabel, renamedDnsLabel } from './dns-label.js';

test('parseDomainLabel follows the upstream label rules', () => {
  const cases: [string, string][] = [
    ['laptop', 'laptop'],
    ['My-Laptop.local', 'my-laptop'],
    ['Johns MacBook Pro', 'johns-macbook-pro'],
    ['web_server__01', 'web-server-01'],
    ['münchen-pc', 'xn--mnchen-pc-q9a'],
    ['a'.repeat(58), 'a'.repeat(58)],
    ['a'.repeat(59), 'a'.repeat(59)],
    ['a'.repeat(80), 'a'.repeat(59)],
  ];
  for (const [name, want] of cases) assert.equal(parseDomainLabel(name), want, name);
});

test('parseDomainLabel refuses names that give no label', () => {
  for (const name of ['', '.local']) assert.throws(() => parseDomainLabel(name), { kind: 'InvalidArgument' });
});

test('registration and rename labels', () => {
  assert.equal(ipSuffixedLabel('host', '100.77.12.9'), 'host-12-9');
  const cases: [boolean, number, string][] = [
    [false, 0, 'host'],
    [false, 1, 'host-12-9'],
    [true, 0, 'host-12-9'],
    [true, 3, 'host-12-9'],
  ];
  for (const [ephemeral, attempt, want] of cases) {
    assert.equal(registrationDnsLabel('host', '100.77.12.9', { ephemeral, attempt }), want, `${ephemeral}/${attempt}`);
  }
  assert.equal(renamedDnsLabel('db', '100.77.1.2', false), 'db');
  assert.equal(renamedDnsLabel('db', '100.77.1.2', true), 'db-1-2');
});
