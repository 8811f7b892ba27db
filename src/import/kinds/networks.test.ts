import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MapError } from '../values/map-error.js';
import { resourceTarget } from './networks.js';

test('resourceTarget keeps a resource only when its stored type is what its address says', () => {
  const ok: [Parameters<typeof resourceTarget>, ReturnType<typeof resourceTarget>][] = [
    [['host', '192.168.50.10/32', ''], { prefix: '192.168.50.10/32', domain: '' }],
    [['subnet', '192.168.50.0/24', ''], { prefix: '192.168.50.0/24', domain: '' }],
    [['host', 'fd00:0:0::1/128', ''], { prefix: 'fd00::1/128', domain: '' }],
    [['domain', '', '*.intranet.acme.test'], { prefix: '', domain: '*.intranet.acme.test' }],
  ];
  for (const [args, want] of ok) assert.deepEqual(resourceTarget(...args), want, JSON.stringify(args));
  const bad: [Parameters<typeof resourceTarget>, RegExp][] = [
    [['subnet', '192.168.50.10/32', ''], /^type: subnet resource .* which is a host/],
    [['host', '192.168.50.0/24', ''], /^type: host resource .* which is a subnet/],
    [['domain', '', 'not a domain'], /^domain: invalid address/],
    [['subnet', '', ''], /^prefix: invalid address/],
  ];
  for (const [args, want] of bad) assert.throws(() => resourceTarget(...args), (e: unknown) => e instanceof MapError && want.test(e.message), JSON.stringify(args));
});
