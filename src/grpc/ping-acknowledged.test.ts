import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PingableSession } from './http2-session-of.js';
import { pingAcknowledged } from './ping-acknowledged.js';

type PingCb = (err: Error | null, duration: number, payload: Buffer) => void;

/** A session double whose PING answers as told. */
function session(opts: { closed?: boolean; destroyed?: boolean; answer?: 'ack' | 'error' | 'never'; sent?: boolean; throws?: boolean }): PingableSession {
  return {
    closed: opts.closed ?? false,
    destroyed: opts.destroyed ?? false,
    ping: ((cb: PingCb) => {
      if (opts.throws) throw new Error('ERR_HTTP2_INVALID_SESSION');
      if (opts.answer === 'ack') setImmediate(() => cb(null, 1, Buffer.alloc(8)));
      if (opts.answer === 'error') setImmediate(() => cb(new Error('ERR_HTTP2_PING_CANCEL'), 0, Buffer.alloc(8)));
      return opts.sent ?? true;
    }) as PingableSession['ping'],
  };
}

test('pingAcknowledged: true only for an acknowledged PING', async () => {
  const aborted = AbortSignal.abort();
  const cases: { name: string; s: PingableSession | undefined; signals?: AbortSignal[]; want: boolean }[] = [
    { name: 'acknowledged', s: session({ answer: 'ack' }), want: true },
    { name: 'no session found', s: undefined, want: false },
    { name: 'session closing', s: session({ closed: true, answer: 'ack' }), want: false },
    { name: 'session destroyed', s: session({ destroyed: true, answer: 'ack' }), want: false },
    { name: 'PING cancelled (connection gone)', s: session({ answer: 'error' }), want: false },
    { name: 'too many PINGs outstanding', s: session({ answer: 'never', sent: false }), want: false },
    { name: 'ping throws', s: session({ throws: true }), want: false },
    { name: 'signal already aborted', s: session({ answer: 'ack' }), signals: [new AbortController().signal, aborted], want: false },
  ];
  for (const c of cases) assert.equal(await pingAcknowledged(c.s, ...(c.signals ?? [])), c.want, c.name);
});

test('pingAcknowledged: a signal aborting while the PING is out resolves false and unhooks', async () => {
  const ac = new AbortController();
  const pending = pingAcknowledged(session({ answer: 'never' }), ac.signal);
  ac.abort();
  assert.equal(await pending, false);
  const other = new AbortController();
  assert.equal(await pingAcknowledged(session({ answer: 'ack' }), other.signal), true);
  // No listener left on the signal once settled.
  let called = false;
  other.signal.addEventListener('abort', () => (called = true));
  other.abort();
  assert.equal(called, true);
});
