import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Server, type ServerWritableStream } from '@grpc/grpc-js';
import { collectServerStream } from '../../test/harness/grpc-stream.js';
import { http2SessionOf, type PingableSession } from './http2-session-of.js';
import { pingAcknowledged } from './ping-acknowledged.js';

const raw = { serialize: (b: Uint8Array) => Buffer.from(b), deserialize: (b: Buffer) => new Uint8Array(b) };
const path = '/t.T/Watch';

// Pins the grpc-js internals http2SessionOf follows: if an upgrade moves them, this fails.
test('http2SessionOf finds the HTTP/2 session of a grpc-js server stream, and its PING is acknowledged', async () => {
  let found: PingableSession | undefined;
  let ackedResolve: (ok: boolean) => void = () => {};
  const acked = new Promise<boolean>((r) => (ackedResolve = r));
  const server = new Server();
  server.addService(
    { Watch: { path, requestStream: false, responseStream: true, requestSerialize: raw.serialize, requestDeserialize: raw.deserialize, responseSerialize: raw.serialize, responseDeserialize: raw.deserialize } },
    {
      Watch: (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
        found = http2SessionOf(call);
        call.write(new Uint8Array([1, 2, 3]), () => void pingAcknowledged(found).then((ok) => (ackedResolve(ok), call.end())));
      },
    },
  );
  const got = await collectServerStream(server, { path, requestSerialize: raw.serialize, responseDeserialize: raw.deserialize });
  assert.ok(found, 'session found');
  assert.equal(await acked, true, 'PING acknowledged by the client');
  assert.deepEqual(got.map((b) => [...b]), [[1, 2, 3]]);
});

test('http2SessionOf gives undefined for objects of another shape', () => {
  for (const o of [{}, { call: null }, { call: { nextCall: { nextCall: {} } } }, { call: { stream: { session: {} } } }]) assert.equal(http2SessionOf(o), undefined);
});
