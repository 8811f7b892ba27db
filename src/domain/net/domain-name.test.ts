import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDomainList, isValidDomainName } from './domain-name.js';

test('isValidDomainName', () => {
  const cases: [string, boolean][] = [
    ['example.com', true],
    ['web', true],
    ['*.example.com', true],
    ['_sip._tcp.example.com', true],
    ['münchen.de', true],
    ['a-b.c', true],
    ['-ab.c', false],
    ['ab-.c', false],
    ['a..b', false],
    ['', false],
    ['a b.c', false],
    ['*.*.c', false],
    [`${'a'.repeat(64)}.com`, false],
  ];
  for (const [name, want] of cases) assert.equal(isValidDomainName(name), want, name);
});

test('checkDomainList refuses bad entries and long lists', () => {
  assert.deepEqual(checkDomainList(['a.com', 'b'], 'x'), ['a.com', 'b']);
  assert.throws(() => checkDomainList(['ok.com', 'bad domain'], 'x'), { kind: 'InvalidArgument' });
  assert.throws(() => checkDomainList(Array.from({ length: 33 }, (_, i) => `d${i}.com`), 'x'), { kind: 'InvalidArgument' });
});
