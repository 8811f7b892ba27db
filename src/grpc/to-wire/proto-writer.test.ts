import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { ProtoWriter, assemble, encodedFields, framedFields, lengthDelimitedSize, messageField, framedOffsets, payloadOf, repeatedField, repeatedSize, varintSize } from './proto-writer.js';

const LENGTHS = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, 2 ** 32 - 1];

test('varintSize matches the bytes @bufbuild/protobuf writes', () => {
  for (const n of LENGTHS) assert.equal(varintSize(n), new BinaryWriter().uint32(n).finish().length, `n=${n}`);
});

test('header(field, length) is byte-identical to BinaryWriter tag + length', () => {
  for (const field of [1, 2, 3, 5, 15, 16, 2047, 2048]) {
    for (const n of LENGTHS) {
      const want = new BinaryWriter().tag(field, WireType.LengthDelimited).uint32(n).finish();
      const got = new ProtoWriter(want.length).header(field, n).finish();
      assert.deepEqual(got, want, `field ${field}, length ${n}`);
      assert.equal(lengthDelimitedSize(field, n), want.length + n);
    }
  }
});

test('repeated() writes each element as a length-delimited field; repeatedSize agrees', () => {
  const elements = [new Uint8Array(0), Uint8Array.of(1, 2, 3), new Uint8Array(300).fill(7)];
  const w = new BinaryWriter();
  for (const e of elements) w.tag(8, WireType.LengthDelimited).bytes(e);
  const want = w.finish();
  assert.equal(repeatedSize(8, elements), want.length);
  assert.deepEqual(new ProtoWriter(want.length).repeated(8, elements).finish(), want);
});

test('finish() refuses a buffer that was not filled exactly', () => {
  assert.throws(() => new ProtoWriter(4).raw(Uint8Array.of(1, 2, 3)).finish(), /wrote 3 of 4/);
  assert.throws(() => new ProtoWriter(2).header(1, 200).finish(), /wrote 3 of 2/);
  assert.throws(() => new ProtoWriter(2).raw(Uint8Array.of(1, 2, 3)), RangeError);
});

test('reserve() hands out the next bytes of the buffer for the caller to fill', () => {
  const w = new ProtoWriter(4).raw(Uint8Array.of(9));
  w.reserve(3).set([1, 2, 3]);
  assert.deepEqual(w.finish(), Uint8Array.of(9, 1, 2, 3));
});

test('assemble: nested message fields get the length of their pieces, elements their own', () => {
  // Outer{ a: Inner{ head bytes, repeated 2 × elements }, repeated 3 }, checked against BinaryWriter.
  const els = [Uint8Array.of(1), new Uint8Array(200).fill(5)];
  const head = Uint8Array.of(0x08, 0x01);
  const inner = new BinaryWriter().raw(head);
  for (const e of els) inner.tag(2, WireType.LengthDelimited).bytes(e);
  const want = new BinaryWriter().tag(6, WireType.LengthDelimited).bytes(inner.finish());
  for (const e of els) want.tag(3, WireType.LengthDelimited).bytes(e);
  const got = assemble([messageField(6, [encodedFields(head), repeatedField(2, els)]), repeatedField(3, els)]);
  assert.deepEqual(got, want.finish());
  assert.deepEqual(assemble([messageField(4, [])]), Uint8Array.of(0x22, 0x00));
});

test('framedFields copies each run as it is, in order, whatever buffer it views', () => {
  const slab = Uint8Array.from({ length: 32 }, (_, i) => i);
  const runs = [slab.subarray(4, 9), Uint8Array.of(100, 101, 102), new Uint8Array(0), slab.subarray(0, 3)];
  const want = runs.flatMap((r) => [...r]);
  const piece = framedFields(runs);
  assert.equal(piece.size, want.length);
  assert.deepEqual([...assemble([piece])], want);
});

test('payloadOf strips the tag and length of a framed field', () => {
  for (const [field, length] of [[3, 0], [3, 5], [7, 200], [2048, 70_000]] as const) {
    const payload = Uint8Array.from({ length }, (_, i) => i);
    const framed = new BinaryWriter().tag(field, WireType.LengthDelimited).bytes(payload).finish();
    assert.deepEqual(payloadOf(framed), payload, `field ${field}, length ${length}`);
  }
});

test('framedOffsets finds where consecutive length-delimited fields start, and refuses anything else', () => {
  const payloads = [new Uint8Array(0), Uint8Array.of(1, 2), new Uint8Array(300).fill(9)];
  const w = new BinaryWriter();
  for (const p of payloads) w.tag(3, WireType.LengthDelimited).bytes(p);
  const bytes = w.finish();
  const offsets = framedOffsets(bytes);
  assert.deepEqual(offsets, [0, 2, 6, bytes.length]);
  assert.deepEqual(payloads.map((_, k) => payloadOf(bytes.subarray(offsets[k], offsets[k + 1]))), payloads);
  assert.deepEqual(framedOffsets(new Uint8Array(0)), [0]);
  assert.throws(() => framedOffsets(new BinaryWriter().tag(1, WireType.Varint).uint32(5).finish()), /wire type 0/);
  assert.throws(() => framedOffsets(bytes.subarray(0, bytes.length - 1)), /truncated/);
});
