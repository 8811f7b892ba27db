/**
 * Just enough of the protobuf wire format to splice already-encoded messages together: a
 * length-delimited field is `tag ‖ varint(length) ‖ bytes`, fields may come in any order and a
 * repeated field may be split across the message, so concatenating encoded fields is an encoding.
 */

import type { DescMessage } from '@bufbuild/protobuf';

const WIRE_TYPE_LEN = 2;

/** The number of field `name` (its localName) of a generated message, so none is hard-coded. */
export function fieldNumber(schema: DescMessage, name: string): number {
  const f = schema.field[name];
  if (!f) throw new Error(`${schema.typeName} has no field ${name}`);
  return f.number;
}

/** Bytes of `n` (a non-negative safe integer) as a varint. */
export function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** Bytes of a length-delimited field `field` whose payload is `length` bytes. */
export function lengthDelimitedSize(field: number, length: number): number {
  return varintSize((field << 3) | WIRE_TYPE_LEN) + varintSize(length) + length;
}

/** Bytes of a repeated message field whose elements are already encoded. */
export function repeatedSize(field: number, elements: readonly Uint8Array[]): number {
  let size = 0;
  for (const e of elements) size += lengthDelimitedSize(field, e.length);
  return size;
}

/** Writes into a buffer sized up front (no growth); `finish()` checks the size was right. */
export class ProtoWriter {
  private readonly buf: Uint8Array;
  private pos = 0;

  /** `into`: where to write (exactly `size` bytes), e.g. a reused buffer; default a fresh one. */
  constructor(size: number, into?: Uint8Array) {
    if (into !== undefined && into.length !== size) throw new RangeError(`ProtoWriter: ${size} bytes to write into ${into.length}`);
    // allocUnsafe: every byte is written before finish() returns (it checks), so no zero-fill.
    const b = into ?? Buffer.allocUnsafe(size);
    this.buf = new Uint8Array(b.buffer, b.byteOffset, size);
  }

  /** Already-encoded fields, copied as they are. */
  raw(bytes: Uint8Array): this {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** The tag and length of a length-delimited field; the caller writes `length` payload bytes next. */
  header(field: number, length: number): this {
    this.varint((field << 3) | WIRE_TYPE_LEN);
    return this.varint(length);
  }

  lengthDelimited(field: number, bytes: Uint8Array): this {
    return this.header(field, bytes.length).raw(bytes);
  }

  repeated(field: number, elements: readonly Uint8Array[]): this {
    for (const e of elements) this.lengthDelimited(field, e);
    return this;
  }

  /** The next `length` bytes, for a payload produced elsewhere (e.g. sealed in place). */
  reserve(length: number): Uint8Array {
    const slot = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slot;
  }

  finish(): Uint8Array {
    if (this.pos !== this.buf.length) throw new Error(`ProtoWriter: wrote ${this.pos} of ${this.buf.length} bytes`);
    return this.buf;
  }

  private varint(n: number): this {
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.pos++] = n;
    return this;
  }
}

/** A part of a message whose encoded size is known before anything is written. */
export interface Piece {
  readonly size: number;
  write(w: ProtoWriter): void;
}

/** Fields already encoded (e.g. by toBinary), copied as they are. */
export function encodedFields(bytes: Uint8Array): Piece {
  return { size: bytes.length, write: (w) => void w.raw(bytes) };
}

/** A repeated message field whose elements are already encoded. */
export function repeatedField(field: number, elements: readonly Uint8Array[]): Piece {
  return { size: repeatedSize(field, elements), write: (w) => void w.repeated(field, elements) };
}

/**
 * Runs of fields already framed (tag ‖ length ‖ payload each), e.g. from WireElementCache: each
 * copied as it is, so the cost follows the number of runs, not of fields.
 */
export function framedFields(runs: readonly Uint8Array[]): Piece {
  let size = 0;
  for (const r of runs) size += r.length;
  return {
    size,
    write: (w) => {
      for (const r of runs) w.raw(r);
    },
  };
}

/** One message-typed field whose value is made of pieces (sized once, here). */
export function messageField(field: number, pieces: readonly Piece[]): Piece {
  const length = sizeOf(pieces);
  return {
    size: lengthDelimitedSize(field, length),
    write: (w) => {
      w.header(field, length);
      for (const p of pieces) p.write(w);
    },
  };
}

/** The message made of `pieces`, in one buffer allocated at its final size. */
export function assemble(pieces: readonly Piece[]): Uint8Array {
  const w = new ProtoWriter(sizeOf(pieces));
  for (const p of pieces) p.write(w);
  return w.finish();
}

/** Encoded bytes of `pieces` together. */
export function sizeOf(pieces: readonly Piece[]): number {
  let size = 0;
  for (const p of pieces) size += p.size;
  return size;
}

/**
 * Where each of consecutive length-delimited fields (e.g. a message whose only field is one
 * repeated message field) starts, tag included, followed by the end: field k is
 * bytes[offsets[k], offsets[k + 1]).
 */
export function framedOffsets(bytes: Uint8Array): number[] {
  const offsets = [0];
  let pos = 0;
  while (pos < bytes.length) {
    if ((bytes[pos]! & 7) !== WIRE_TYPE_LEN) throw new Error(`framedOffsets: wire type ${bytes[pos]! & 7} at ${pos}, not length-delimited`);
    while (bytes[pos++]! & 0x80);
    let length = 0;
    let scale = 1;
    let b: number;
    do {
      b = bytes[pos++]!;
      length += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    pos += length;
    if (pos > bytes.length) throw new Error('framedOffsets: truncated field');
    offsets.push(pos);
  }
  return offsets;
}

/** The payload of one framed length-delimited field: past the tag and length varints. */
export function payloadOf(framed: Uint8Array): Uint8Array {
  let i = 0;
  while (framed[i++]! & 0x80);
  while (framed[i++]! & 0x80);
  return framed.subarray(i);
}
