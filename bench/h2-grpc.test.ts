import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Server, ServerCredentials, status, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { GrpcCallError } from '../test/harness/test-agent.js';
import { createServer, type Http2Session, type Settings } from 'node:http2';
import { once } from 'node:events';
import { frame, H2Channel, MessageSplitter, RECEIVE_WINDOW_BYTES, statusOf, type CallStatus } from './h2-grpc.js';

/** Feeds `wire` to `s` in chunks ending at each of `at` (ascending), then the rest. */
function pushCut(s: MessageSplitter, wire: Uint8Array, at: readonly number[]): void {
  let from = 0;
  for (const cut of [...at, wire.length]) {
    s.push(wire.subarray(from, cut));
    from = cut;
  }
}

test('MessageSplitter: messages come out whole however the bytes are cut', () => {
  const messages = [new Uint8Array(0), Uint8Array.from({ length: 3 }, (_, i) => i + 1), Uint8Array.from({ length: 70_000 }, (_, i) => i % 251), Uint8Array.of(9)];
  const wire = Buffer.concat(messages.map(frame));
  const cuts: [string, number[]][] = [
    ['one chunk', []],
    ['inside the first header', [2]],
    ['between header and body', [5]],
    ['every byte of the first 20', Array.from({ length: 20 }, (_, i) => i + 1)],
    ['inside the big body, twice', [20, 30_000, 60_000]],
    ['right after the big message', [wire.length - 6]],
  ];
  for (const [name, at] of cuts) {
    const out: Uint8Array[] = [];
    const s = new MessageSplitter((m) => out.push(Uint8Array.from(m)));
    pushCut(s, wire, at);
    assert.deepEqual(out, messages, name);
    assert.equal(s.idle, true, name);
  }
  const partial = new MessageSplitter(() => {});
  partial.push(wire.subarray(0, 7));
  assert.equal(partial.idle, false);
  assert.throws(() => new MessageSplitter(() => {}).push(Uint8Array.of(1, 0, 0, 0, 1, 7)), /compressed/);
});

test('MessageSplitter: of messages longer than keepBytes only the prefix is handed out, with the full length', () => {
  const keep = 16;
  const sizes = [0, 3, keep - 1, keep, keep + 1, 70_000, 1, 2 * keep];
  const messages = sizes.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) % 256));
  const want = messages.map((m) => ({ kept: m.slice(0, keep), length: m.length }));
  const wire = Buffer.concat(messages.map(frame));
  const cutAt = (step: number) => Array.from({ length: Math.ceil(wire.length / step) - 1 }, (_, i) => (i + 1) * step);
  const cuts: [string, number[]][] = [
    ['all messages in one chunk', []],
    ['1-byte chunks', cutAt(1)],
    ['chunks of 7 (prefixes across chunk boundaries)', cutAt(7)],
    ['chunks of 16', cutAt(16)],
    ['right after the kept prefix of the big message', [messages.slice(0, 5).reduce((n, m) => n + 5 + m.length, 0) + 5 + keep]],
    ['inside the big message only', [100, 40_000]],
  ];
  for (const [name, at] of cuts) {
    const out: { kept: Uint8Array; length: number }[] = [];
    const s = new MessageSplitter((kept, length) => out.push({ kept: Uint8Array.from(kept), length }), keep);
    pushCut(s, wire, at);
    assert.deepEqual(out, want, name);
    assert.equal(s.idle, true, name);
  }
});

test('MessageSplitter: a long message is handed out only once all of it has arrived', () => {
  const out: number[] = [];
  const s = new MessageSplitter((_kept, length) => out.push(length), 4);
  const wire = frame(new Uint8Array(100));
  s.push(wire.subarray(0, 50));
  assert.deepEqual([out, s.idle], [[], false]);
  s.push(wire.subarray(50, 104));
  assert.deepEqual([out, s.idle], [[], false]);
  s.push(wire.subarray(104));
  assert.deepEqual([out, s.idle], [[100], true]);
});

test('statusOf: code and percent-decoded message, or nothing', () => {
  assert.equal(statusOf({}), undefined);
  assert.deepEqual(statusOf({ 'grpc-status': '0' }), { code: status.OK, details: '' });
  assert.deepEqual(statusOf({ 'grpc-status': '7', 'grpc-message': 'peer is not registered%20%E2%9C%93' }), { code: status.PERMISSION_DENIED, details: 'peer is not registered ✓' });
  assert.deepEqual(statusOf({ 'grpc-status': '13', 'grpc-message': 'bad %ZZ' }), { code: status.INTERNAL, details: 'bad %ZZ' });
});

// A grpc-js server with raw bytes in and out: the client must interoperate with it as with Roost.
const raw = { serialize: (b: Uint8Array) => Buffer.from(b), deserialize: (b: Buffer) => new Uint8Array(b) };
const method = (path: string, responseStream: boolean) => ({ path, requestStream: false, responseStream, requestSerialize: raw.serialize, requestDeserialize: raw.deserialize, responseSerialize: raw.serialize, responseDeserialize: raw.deserialize });
let server: Server;
let target: string;
const opened: ServerWritableStream<Uint8Array, Uint8Array>[] = [];

before(async () => {
  server = new Server();
  server.addService(
    { Echo: method('/t.T/Echo', false), Fail: method('/t.T/Fail', false), Many: method('/t.T/Many', true), Hang: method('/t.T/Hang', true) },
    {
      Echo: (call: ServerUnaryCall<Uint8Array, Uint8Array>, cb: sendUnaryData<Uint8Array>) => cb(null, Uint8Array.from([...call.request].reverse())),
      Fail: (_call: ServerUnaryCall<Uint8Array, Uint8Array>, cb: sendUnaryData<Uint8Array>) => cb({ code: status.PERMISSION_DENIED, details: 'peer is not registered ✓' }),
      Many: (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
        for (const size of [0, 10, 1_500_000, 3]) call.write(Uint8Array.from({ length: size }, (_, i) => (i + size) % 256));
        call.end();
      },
      Hang: (call: ServerWritableStream<Uint8Array, Uint8Array>) => {
        opened.push(call);
        call.write(Uint8Array.of(1));
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  target = `127.0.0.1:${port}`;
});

after(() => {
  server.forceShutdown();
});

/** Collects a call's messages (as kept), their full lengths and how the call ended. */
function collect(call: ReturnType<H2Channel['call']>): Promise<{ messages: Uint8Array[]; lengths: number[]; end: CallStatus }> {
  const messages: Uint8Array[] = [];
  const lengths: number[] = [];
  call.on('data', (m: Uint8Array, length: number) => {
    messages.push(Uint8Array.from(m));
    lengths.push(length);
  });
  return new Promise((resolve) => {
    call.on('end', () => resolve({ messages, lengths, end: { code: status.OK, details: '' } }));
    call.on('error', (end: CallStatus) => resolve({ messages, lengths, end }));
  });
}

test('unary: the answer, or the status as GrpcCallError', async () => {
  const ch = new H2Channel(target);
  try {
    assert.deepEqual(await ch.unary('/t.T/Echo', Uint8Array.of(1, 2, 3), 5_000), Uint8Array.of(3, 2, 1));
    assert.deepEqual(await ch.unary('/t.T/Echo', new Uint8Array(0), 5_000), new Uint8Array(0));
    const err = await ch.unary('/t.T/Fail', Uint8Array.of(1), 5_000).catch((e: unknown) => e);
    assert.ok(err instanceof GrpcCallError);
    assert.deepEqual([err.code, err.details], [status.PERMISSION_DENIED, 'peer is not registered ✓']);
    const missing = await ch.unary('/t.T/Nope', Uint8Array.of(1), 5_000).catch((e: unknown) => e);
    assert.equal((missing as GrpcCallError).code, status.UNIMPLEMENTED);
  } finally {
    ch.close();
  }
});

test('server streaming: every message in order, large ones across many frames, then end', async () => {
  const ch = new H2Channel(target);
  try {
    const { messages, end } = await collect(ch.call('/t.T/Many', Uint8Array.of(0)));
    assert.deepEqual(end.code, status.OK);
    assert.deepEqual(
      messages.map((m) => m.length),
      [0, 10, 1_500_000, 3],
    );
    assert.deepEqual(messages[2]!.subarray(0, 3), Uint8Array.of(1_500_000 % 256, (1_500_001) % 256, (1_500_002) % 256));
    const prefixed = await collect(ch.call('/t.T/Many', Uint8Array.of(0), undefined, 5));
    assert.deepEqual(prefixed.end.code, status.OK);
    assert.deepEqual(prefixed.lengths, [0, 10, 1_500_000, 3]);
    assert.deepEqual(
      prefixed.messages.map((m) => m.length),
      [0, 5, 5, 3],
    );
    assert.deepEqual(prefixed.messages[2], messages[2]!.subarray(0, 5));
  } finally {
    ch.close();
  }
});

test('cancel ends the call CANCELLED at once and the server sees the client go; a deadline ends it DEADLINE_EXCEEDED', async () => {
  const ch = new H2Channel(target);
  try {
    const call = ch.call('/t.T/Hang', Uint8Array.of(0));
    const got = collect(call);
    await new Promise<void>((r) => call.once('data', () => r()));
    const serverSide = opened.at(-1)!;
    const serverSawCancel = new Promise<void>((r) => serverSide.once('cancelled', () => r()));
    call.cancel();
    const { messages, end } = await got;
    assert.equal(end.code, status.CANCELLED);
    assert.equal(messages.length, 1);
    await serverSawCancel;

    const timed = await collect(ch.call('/t.T/Hang', Uint8Array.of(0), 50));
    assert.equal(timed.end.code, status.DEADLINE_EXCEEDED);
    // The connection is still good for the next call.
    assert.deepEqual(await ch.unary('/t.T/Echo', Uint8Array.of(4, 5), 5_000), Uint8Array.of(5, 4));
  } finally {
    ch.close();
  }
});

test('a connection that closed is dialled anew; an unreachable server is UNAVAILABLE', async () => {
  const ch = new H2Channel(target);
  assert.deepEqual(await ch.unary('/t.T/Echo', Uint8Array.of(1), 5_000), Uint8Array.of(1));
  ch.close();
  assert.deepEqual(await ch.unary('/t.T/Echo', Uint8Array.of(2), 5_000), Uint8Array.of(2));
  ch.close();
  const nowhere = new H2Channel('127.0.0.1:1');
  const err = await nowhere.unary('/t.T/Echo', Uint8Array.of(1), 5_000).catch((e: unknown) => e);
  assert.equal((err as GrpcCallError).code, status.UNAVAILABLE);
  nowhere.close();
});

test('a connection opens grown stream and session receive windows before its first stream, with default-sized frames', async () => {
  const h2 = createServer();
  const seen: { settings?: Settings; sessionWindow?: number } = {};
  h2.on('session', (session: Http2Session) => session.on('remoteSettings', (settings) => (seen.settings = settings)));
  h2.on('stream', (stream) => {
    seen.sessionWindow = stream.session!.state.remoteWindowSize;
    stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '0' }, { endStream: true });
  });
  h2.listen(0, '127.0.0.1');
  await once(h2, 'listening');
  const ch = new H2Channel(`127.0.0.1:${(h2.address() as { port: number }).port}`);
  try {
    await collect(ch.call('/t.T/Any', Uint8Array.of(0)));
    assert.equal(seen.settings?.initialWindowSize, RECEIVE_WINDOW_BYTES);
    assert.equal(seen.settings?.maxFrameSize, 16_384);
    assert.equal(seen.sessionWindow, RECEIVE_WINDOW_BYTES);
  } finally {
    ch.close();
    h2.close();
  }
});
