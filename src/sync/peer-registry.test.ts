import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PeerRegistry, type RegisteredStream } from './peer-registry.js';

function stream(peerId: string, accountId = 'acc') {
  const closed: string[] = [];
  const s: RegisteredStream & { closed: string[] } = { peerId, accountId, closed, close: (r) => void closed.push(r) };
  return s;
}

test('a newer stream replaces and closes the older one; the old cleanup cannot remove the new', () => {
  const r = new PeerRegistry();
  const a1 = stream('a');
  const a2 = stream('a');
  r.register(a1);
  r.register(a2);
  assert.deepEqual(a1.closed, ['replaced']);
  assert.deepEqual(a2.closed, []);
  assert.equal(r.unregister(a1), false, 'stale cleanup is a no-op');
  assert.equal(r.get('a'), a2);
  assert.equal(r.unregister(a2), true);
  assert.equal(r.get('a'), undefined);
  assert.equal(r.size, 0);
});

test('account index follows registrations', () => {
  const r = new PeerRegistry();
  const a = stream('a', 'x');
  const b = stream('b', 'x');
  const c = stream('c', 'y');
  [a, b, c].forEach((s) => r.register(s));
  assert.deepEqual(r.ofAccount('x').map((s) => s.peerId).sort(), ['a', 'b']);
  r.unregister(a);
  assert.deepEqual(r.ofAccount('x').map((s) => s.peerId), ['b']);
  assert.deepEqual(r.ofAccount('nope'), []);
  r.closeAll();
  assert.deepEqual([b.closed, c.closed], [['shutdown'], ['shutdown']]);
});

test('re-registering the same stream does not close it', () => {
  const r = new PeerRegistry();
  const a = stream('a');
  r.register(a);
  r.register(a);
  assert.deepEqual(a.closed, []);
});
