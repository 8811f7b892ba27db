import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { isRoostError } from '../domain/errors.js';
import { writeAndWait, type WritableCall } from './write-and-wait.js';

/** A call whose write callbacks the test fires by hand, as grpc-js does once HTTP/2 takes the data. */
function fakeCall() {
  const pending: ((err?: Error | null) => void)[] = [];
  const call: WritableCall = {
    write: (_bytes, cb) => (pending.push(cb), true),
  };
  return { call, pending };
}

const settled = async (p: Promise<void>) => {
  let state = 'pending';
  p.then(() => (state = 'resolved'), () => (state = 'rejected'));
  await new Promise((r) => setImmediate(r));
  return state;
};

const isClosed = (e: unknown) => isRoostError(e, 'Internal') && (e as Error).message === 'stream closed';

test('resolves only once the write callback fires, not when write() returns true', async () => {
  const { call, pending } = fakeCall();
  const abort = new AbortController();
  const p = writeAndWait(call, Uint8Array.of(1), abort.signal);
  assert.equal(await settled(p), 'pending');
  pending[0]!();
  await p;
  assert.equal(getEventListeners(abort.signal, 'abort').length, 0);
});

test('rejects "stream closed" when the stream aborts before the callback (grpc-js never calls back then)', async () => {
  const { call, pending } = fakeCall();
  const abort = new AbortController();
  const p = writeAndWait(call, Uint8Array.of(1), abort.signal);
  abort.abort();
  await assert.rejects(p, isClosed);
  assert.equal(getEventListeners(abort.signal, 'abort').length, 0);
  pending[0]!(new Error('late')); // a late callback changes nothing
});

test('rejects "stream closed" when the callback reports an error, and does not write on a closed stream', async () => {
  const { call, pending } = fakeCall();
  const abort = new AbortController();
  const p = writeAndWait(call, Uint8Array.of(1), abort.signal);
  pending[0]!(new Error('write after end'));
  await assert.rejects(p, (e: unknown) => isClosed(e) && (e as Error).cause instanceof Error);
  assert.equal(getEventListeners(abort.signal, 'abort').length, 0);

  abort.abort();
  await assert.rejects(writeAndWait(call, Uint8Array.of(2), abort.signal), isClosed);
  assert.equal(pending.length, 1);
});

test('many sequential writes on one stream leave no abort listeners behind', async () => {
  const { call, pending } = fakeCall();
  const abort = new AbortController();
  for (let i = 0; i < 50; i++) {
    const p = writeAndWait(call, Uint8Array.of(i), abort.signal);
    pending[i]!();
    await p;
  }
  assert.equal(getEventListeners(abort.signal, 'abort').length, 0);
});

test('with two signals: either aborting rejects, and neither keeps a listener', async () => {
  for (const which of [0, 1]) {
    const { call } = fakeCall();
    const signals = [new AbortController(), new AbortController()];
    const p = writeAndWait(call, Uint8Array.of(1), signals[0]!.signal, signals[1]!.signal);
    signals[which]!.abort();
    await assert.rejects(p, isClosed);
    for (const s of signals) assert.equal(getEventListeners(s.signal, 'abort').length, 0);
  }
  const { call, pending } = fakeCall();
  const signals = [new AbortController(), new AbortController()];
  const p = writeAndWait(call, Uint8Array.of(1), signals[0]!.signal, signals[1]!.signal);
  pending[0]!();
  await p;
  for (const s of signals) assert.equal(getEventListeners(s.signal, 'abort').length, 0);
  signals[1]!.abort();
  await assert.rejects(writeAndWait(call, Uint8Array.of(2), signals[0]!.signal, signals[1]!.signal), isClosed);
  assert.equal(pending.length, 1, 'nothing written once a signal has aborted');
});
