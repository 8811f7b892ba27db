import type { SyncResponseSummary } from './sync-response-summary.js';
import { XSalsa20Keystream } from './xsalsa20-keystream.js';

const NONCE = 24;
const MAC = 16;
const WT_VARINT = 0;
const WT_I64 = 1;
const WT_LEN = 2;
const WT_I32 = 5;

/**
 * Reads plaintext bytes of a NaCl secretbox on demand, decrypting only the blocks touched.
 * `sealed` may be only the first bytes of a box of `sealedLength` bytes.
 */
class SealedBytes {
  private readonly ks: XSalsa20Keystream;
  /** The plaintext's full length. */
  readonly length: number;

  constructor(
    private readonly sealed: Uint8Array,
    shared: Uint8Array,
    private readonly sealedLength: number,
  ) {
    if (sealedLength < NONCE + MAC) throw new Error(`sealed body of ${sealedLength} bytes is too short`);
    if (sealed.length < NONCE) throw new Error(`only ${sealed.length} bytes of the sealed body were kept, not even its nonce`);
    this.ks = new XSalsa20Keystream(shared, sealed.subarray(0, NONCE));
    this.length = sealedLength - NONCE - MAC;
  }

  at(i: number): number {
    if (i >= this.length) throw new Error('protobuf field runs past the end of the message');
    const at = NONCE + MAC + i;
    if (at >= this.sealed.length) {
      throw new Error(`the peek ran past the ${this.sealed.length} bytes kept of a ${this.sealedLength}-byte sealed body (keep more of each message)`);
    }
    return this.sealed[at]! ^ this.ks.byteAt(32 + i);
  }

  /** A varint at `pos`: its value (exact up to 2^53) and the position after it. */
  varint(pos: number): [number, number] {
    let value = 0;
    let scale = 1;
    for (let n = 0; n < 10; n++) {
      const b = this.at(pos++);
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return [value, pos];
      scale *= 128;
    }
    throw new Error('varint longer than 10 bytes');
  }

  /** Position after the value of wire type `wt` starting at `pos`. */
  skip(wt: number, pos: number): number {
    if (wt === WT_VARINT) return this.varint(pos)[1];
    if (wt === WT_I64) return pos + 8;
    if (wt === WT_I32) return pos + 4;
    if (wt === WT_LEN) {
      const [len, p] = this.varint(pos);
      return p + len;
    }
    throw new Error(`unsupported wire type ${wt}`);
  }
}

/**
 * The serial of a sealed SyncResponse (nonce ‖ secretbox) without opening all of it: walks
 * the top-level fields decrypting only tags and lengths, up to the NetworkMap, and reads its
 * first field; what follows the map (upstream puts its legacy remote-peer copy there) is
 * not walked. The MAC is NOT checked — callers open a sample of messages fully. On a
 * 5,000-peer map this touches a few hundred bytes of keystream instead of megabytes.
 *
 * `sealed` may be only the first bytes of a box of `sealedLength` bytes: fields are skipped
 * by their lengths, so only the bytes walked must be there; throws, saying so, when the walk
 * needs a byte past them.
 */
export function peekSealedSyncResponse(sealed: Uint8Array, shared: Uint8Array, sealedLength = sealed.length): SyncResponseSummary {
  const r = new SealedBytes(sealed, shared, sealedLength);
  let hasConfig = false;
  let pos = 0;
  while (pos < r.length) {
    const [tag, p] = r.varint(pos);
    const no = Math.floor(tag / 8);
    const wt = tag & 7;
    if (no === 1) hasConfig = true;
    if (no === 5 && wt === WT_LEN) {
      const [len, start] = r.varint(p);
      if (start + len > r.length) throw new Error('protobuf field runs past the end of the message');
      // The config, if any, came before the map: the server writes the head fields first.
      return { hasConfig, hasMap: true, serial: mapSerial(r, start, start + len) };
    }
    pos = r.skip(wt, p);
  }
  if (pos !== r.length) throw new Error('protobuf field runs past the end of the message');
  return { hasConfig, hasMap: false, serial: null };
}

/** NetworkMap.serial (field 1) between `from` and `to`; 0 when absent (proto3 default). */
function mapSerial(r: SealedBytes, from: number, to: number): number {
  let pos = from;
  while (pos < to) {
    const [tag, p] = r.varint(pos);
    if (tag === 8) return r.varint(p)[0];
    pos = r.skip(tag & 7, p);
  }
  return 0;
}
