import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Server, type ServerWritableStream } from '@grpc/grpc-js';
import { collectServerStream } from '../../test/harness/grpc-stream.js';
import { FramePool, sizeClass } from './frame-pool.js';
import { framedView, GRPC_PREFIX, installPreframedResponses } from './preframed-responses.js';
import { managementServiceDefinition } from './service-definition.js';
import { createPieceSealer } from './create-sealer.js';
import { ServerEnvelope } from '../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../crypto/wg-key.js';
import { encodedFields } from './to-wire/proto-writer.js';

test('sizeClass: at least n, at most an eighth over, one class for near sizes', () => {
  for (const [n, want] of [
    [1, 8],
    [8, 8],
    [9, 9],
    [100, 104],
    [1024, 1024],
    [1025, 1152],
    [1_200_000, 1_310_720],
    [1_240_000, 1_310_720],
  ] as const) {
    assert.equal(sizeClass(n), want, `sizeClass(${n})`);
  }
  for (let n = 9; n < 5_000_000; n = Math.ceil(n * 1.37)) {
    const c = sizeClass(n);
    assert.ok(c >= n && c <= n * 1.125, `sizeClass(${n}) = ${c}`);
  }
});

test('FramePool: a released frame serves again; one not released never does; small messages are fresh; the prefix frames each message', () => {
  const pool = new FramePool({ minBytes: 64, maxFreeBytes: 1024 });
  const a = pool.take(100);
  assert.equal(a.byteOffset, GRPC_PREFIX);
  assert.deepEqual([...new Uint8Array(a.buffer, 0, GRPC_PREFIX)], [0, 0, 0, 0, 100], 'uncompressed, length 100');
  const b = pool.take(100);
  assert.notEqual(b.buffer, a.buffer, 'a taken frame is not lent twice');
  pool.release(a);
  pool.release(a); // twice: kept once
  assert.equal(pool.keptBytes, a.buffer.byteLength);
  const c = pool.take(102);
  assert.equal(c.buffer, a.buffer, 'same size class: reused');
  assert.deepEqual([...new Uint8Array(c.buffer, 0, GRPC_PREFIX)], [0, 0, 0, 0, 102], 'the prefix names the new length');
  assert.equal(pool.keptBytes, 0);
  const d = pool.take(100);
  assert.notEqual(d.buffer, b.buffer, 'b was never released: never reused');
  const small = pool.take(10);
  assert.equal(framedView(small), undefined, 'below minBytes: plain bytes, framed by the transport');
  pool.release(small); // not the pool's: ignored
  assert.equal(pool.keptBytes, 0);
  // maxFreeBytes bounds what is kept.
  const many = Array.from({ length: 12 }, () => pool.take(100));
  many.forEach((m) => pool.release(m));
  assert.ok(pool.keptBytes <= 1024 && pool.keptBytes > 1024 - 2 * sizeClass(105), `kept ${pool.keptBytes}`);
});

test('framedView: only a marked message whose prefix matches it is sent as it lies', () => {
  const pool = new FramePool({ minBytes: 16 });
  const m = pool.take(40).fill(7);
  const frame = framedView(m)!;
  assert.equal(frame.buffer, m.buffer, 'no copy');
  assert.deepEqual([...frame.subarray(0, GRPC_PREFIX)], [0, 0, 0, 0, 40]);
  assert.equal(framedView(m.subarray(0, 39)), undefined, 'a shorter view: prefix does not match');
  assert.equal(framedView(m.subarray(1)), undefined, 'another offset');
  assert.equal(framedView(new Uint8Array(m.buffer.slice(0))), undefined, 'unmarked memory');
  assert.equal(framedView('x'), undefined);
});

const sync = managementServiceDefinition.Sync!;

// Pins what FramePool relies on: grpc-js sends the pooled frame without copying it, and is done with
// it when the write calls back (it is then refilled at once, before the client has read anything).
test('large Sync messages from the pool reach a grpc-js client intact, awaited or written back to back, with no copy on the way', async () => {
  assert.equal(installPreframedResponses(), true, 'grpc-js still has BaseServerInterceptingCall.serializeMessage');
  const size = 200 * 1024;
  const pool = new FramePool();
  const sentFrames: ArrayBufferLike[] = [];
  const server = new Server();
  server.addService(
    { Sync: sync },
    {
      Sync: async (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
        // Spy on what grpc-js hands to HTTP/2: the pooled memory itself.
        const h2 = (call as unknown as { call: { stream: { write(b: Buffer, cb: unknown): boolean } } }).call.stream;
        const write = h2.write.bind(h2);
        h2.write = (b, cb) => (sentFrames.push(b.buffer), write(b, cb));
        for (let n = 1; n <= 4; n++) {
          const bytes = pool.take(size).fill(n);
          await new Promise<void>((resolve) => call.write(bytes, () => resolve()));
          pool.release(bytes);
          bytes.fill(0xee); // what a reuse does: the client must still get n
        }
        // Without waiting: grpc-js buffers a write while the previous one is in progress.
        for (let n = 5; n <= 8; n++) {
          const bytes = pool.take(size).fill(n);
          call.write(bytes, () => pool.release(bytes));
        }
        call.end();
      },
    },
  );
  const got = await collectServerStream(server, sync);
  assert.deepEqual(
    got.map((b) => ({ length: b.length, distinct: [...new Set(b)] })),
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ length: size, distinct: [n] })),
  );
  const pooled = sentFrames.filter((b) => b.byteLength === sizeClass(size + GRPC_PREFIX));
  assert.equal(pooled.length, 8, 'every message went out in pooled memory, not a copy');
  assert.ok(new Set(pooled).size < 8, 'and memory was reused');
});

test('a map sealed by the piece sealer into the pool is a framed message', () => {
  const pool = new FramePool({ minBytes: 16 });
  const seal = createPieceSealer(new ServerEnvelope(generateWgKeyPair()), (size) => pool.take(size));
  const sealed = seal(formatWgKey(generateWgKeyPair().publicKey), [encodedFields(new Uint8Array(100).fill(1))]);
  const frame = framedView(sealed);
  assert.ok(frame, 'the sealer wrote where the pool laid the prefix');
  assert.equal(frame.length, sealed.length + GRPC_PREFIX);
});

test('FramePool: memory not taken again for idleMs is let go; memory in use is kept', async () => {
  const pool = new FramePool({ minBytes: 16, idleMs: 30 });
  pool.release(pool.take(100));
  assert.ok(pool.keptBytes > 0, 'kept right after use');
  const deadline = Date.now() + 5_000;
  while (pool.keptBytes > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(pool.keptBytes, 0, 'let go once idle');
  const again = pool.take(100);
  pool.release(again);
  assert.equal(pool.keptBytes, again.buffer.byteLength, 'kept again once used again');
});
