import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, Metadata, Server, ServerCredentials, credentials, type ServerWritableStream } from '@grpc/grpc-js';
import { OutgoingBuffer, syncOutgoing } from './outgoing-buffer.js';
import { managementServiceDefinition } from './service-definition.js';
import { createPieceSealer } from './create-sealer.js';
import { ServerEnvelope } from '../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../crypto/wg-key.js';
import { encodedFields } from './to-wire/proto-writer.js';

test('OutgoingBuffer: reused once consumed; abandoned when a write did not consume it; small or overlapping takes are fresh', () => {
  const o = new OutgoingBuffer(16);
  const a = o.take(100);
  o.consumed(a);
  o.settle(a);
  const b = o.take(80);
  assert.equal(b.buffer, a.buffer, 'consumed: the same memory again');
  const overlapping = o.take(50);
  assert.notEqual(overlapping.buffer, b.buffer, 'still lent: a fresh buffer');
  o.settle(overlapping); // not the lent one: no effect
  o.settle(b); // never consumed: someone may hold it
  const c = o.take(80);
  assert.notEqual(c.buffer, b.buffer, 'abandoned, never reused');
  o.consumed(c);
  o.settle(c);
  const grown = o.take(200);
  assert.equal(grown.length, 200, 'grows');
  o.consumed(grown);
  o.settle(grown);
  // What is handed on is another view of the same memory (the piece sealer's ProtoWriter's).
  const sealPieces = createPieceSealer(new ServerEnvelope(generateWgKeyPair()), (size) => o.take(size));
  const peerKey = formatWgKey(generateWgKeyPair().publicKey);
  const first = sealPieces(peerKey, [encodedFields(new Uint8Array(100).fill(1))]);
  assert.equal(first.buffer, grown.buffer, 'sealed into the shared buffer');
  o.consumed(first);
  o.settle(first);
  assert.equal(sealPieces(peerKey, [encodedFields(new Uint8Array(90).fill(2))]).buffer, grown.buffer, 'consumed through another view: reused');
  const small = new OutgoingBuffer(16);
  small.take(8); // below minBytes: Node's pool, the shared buffer stays free
  const big = small.take(32);
  small.consumed(big);
  small.settle(big);
  assert.equal(small.take(32).buffer, big.buffer);
});

const path = managementServiceDefinition.Sync!.path;
const sync = managementServiceDefinition.Sync!;
const fill = (n: number, size: number) => {
  const bytes = syncOutgoing.take(size);
  bytes.fill(n);
  return bytes;
};

// Pins what OutgoingBuffer relies on: grpc-js has copied a response by the time its write() returns.
test('large Sync messages sealed into the shared buffer reach a grpc-js client intact, awaited or written back to back', async () => {
  const size = 200 * 1024;
  const server = new Server();
  server.addService(
    { Sync: sync },
    {
      Sync: async (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
        for (let n = 1; n <= 4; n++) {
          const bytes = fill(n, size);
          await new Promise<void>((resolve) => call.write(bytes, () => resolve()));
          syncOutgoing.settle(bytes);
        }
        // Without waiting: grpc-js buffers a write while the previous one is in progress.
        for (let n = 5; n <= 8; n++) {
          const bytes = fill(n, size);
          call.write(bytes);
          syncOutgoing.settle(bytes);
        }
        call.end();
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  try {
    const got: Uint8Array[] = [];
    const call = client.makeServerStreamRequest(path, sync.requestSerialize, sync.responseDeserialize, new Uint8Array(), new Metadata(), {});
    call.on('data', (b: Uint8Array) => got.push(b));
    await new Promise<void>((resolve, reject) => (call.on('end', resolve), call.on('error', reject)));
    assert.deepEqual(
      got.map((b) => ({ length: b.length, distinct: [...new Set(b)] })),
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ length: size, distinct: [n] })),
    );
  } finally {
    client.close();
    server.forceShutdown();
  }
});
