import nacl from 'tweetnacl';

// "expand 32-byte k" as four little-endian words, and as bytes for tweetnacl's HSalsa20.
const SIGMA_BYTES = new TextEncoder().encode('expand 32-byte k');
const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574] as const;

interface LowLevel {
  crypto_core_hsalsa20(out: Uint8Array, inp: Uint8Array, k: Uint8Array, c: Uint8Array): void;
}
const lowlevel = (nacl as unknown as { lowlevel: LowLevel }).lowlevel;

const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** One 64-byte Salsa20/20 block for a 32-byte key, 8-byte nonce and block counter. */
export function salsa20Block(key: Uint8Array, nonce8: Uint8Array, counter: number, out: Uint8Array): void {
  // Sixteen locals rather than an array: the generator runs this for every block it peeks.
  const j0 = SIGMA[0], j1 = u32(key, 0), j2 = u32(key, 4), j3 = u32(key, 8), j4 = u32(key, 12), j5 = SIGMA[1];
  const j6 = u32(nonce8, 0), j7 = u32(nonce8, 4), j8 = counter >>> 0, j9 = Math.floor(counter / 2 ** 32) >>> 0;
  const j10 = SIGMA[2], j11 = u32(key, 16), j12 = u32(key, 20), j13 = u32(key, 24), j14 = u32(key, 28), j15 = SIGMA[3];
  let x0 = j0, x1 = j1, x2 = j2, x3 = j3, x4 = j4, x5 = j5, x6 = j6, x7 = j7;
  let x8 = j8, x9 = j9, x10 = j10, x11 = j11, x12 = j12, x13 = j13, x14 = j14, x15 = j15;
  let t: number;
  for (let i = 0; i < 20; i += 2) {
    // Column round.
    t = (x0 + x12) | 0; x4 ^= (t << 7) | (t >>> 25);
    t = (x4 + x0) | 0; x8 ^= (t << 9) | (t >>> 23);
    t = (x8 + x4) | 0; x12 ^= (t << 13) | (t >>> 19);
    t = (x12 + x8) | 0; x0 ^= (t << 18) | (t >>> 14);
    t = (x5 + x1) | 0; x9 ^= (t << 7) | (t >>> 25);
    t = (x9 + x5) | 0; x13 ^= (t << 9) | (t >>> 23);
    t = (x13 + x9) | 0; x1 ^= (t << 13) | (t >>> 19);
    t = (x1 + x13) | 0; x5 ^= (t << 18) | (t >>> 14);
    t = (x10 + x6) | 0; x14 ^= (t << 7) | (t >>> 25);
    t = (x14 + x10) | 0; x2 ^= (t << 9) | (t >>> 23);
    t = (x2 + x14) | 0; x6 ^= (t << 13) | (t >>> 19);
    t = (x6 + x2) | 0; x10 ^= (t << 18) | (t >>> 14);
    t = (x15 + x11) | 0; x3 ^= (t << 7) | (t >>> 25);
    t = (x3 + x15) | 0; x7 ^= (t << 9) | (t >>> 23);
    t = (x7 + x3) | 0; x11 ^= (t << 13) | (t >>> 19);
    t = (x11 + x7) | 0; x15 ^= (t << 18) | (t >>> 14);
    // Row round.
    t = (x0 + x3) | 0; x1 ^= (t << 7) | (t >>> 25);
    t = (x1 + x0) | 0; x2 ^= (t << 9) | (t >>> 23);
    t = (x2 + x1) | 0; x3 ^= (t << 13) | (t >>> 19);
    t = (x3 + x2) | 0; x0 ^= (t << 18) | (t >>> 14);
    t = (x5 + x4) | 0; x6 ^= (t << 7) | (t >>> 25);
    t = (x6 + x5) | 0; x7 ^= (t << 9) | (t >>> 23);
    t = (x7 + x6) | 0; x4 ^= (t << 13) | (t >>> 19);
    t = (x4 + x7) | 0; x5 ^= (t << 18) | (t >>> 14);
    t = (x10 + x9) | 0; x11 ^= (t << 7) | (t >>> 25);
    t = (x11 + x10) | 0; x8 ^= (t << 9) | (t >>> 23);
    t = (x8 + x11) | 0; x9 ^= (t << 13) | (t >>> 19);
    t = (x9 + x8) | 0; x10 ^= (t << 18) | (t >>> 14);
    t = (x15 + x14) | 0; x12 ^= (t << 7) | (t >>> 25);
    t = (x12 + x15) | 0; x13 ^= (t << 9) | (t >>> 23);
    t = (x13 + x12) | 0; x14 ^= (t << 13) | (t >>> 19);
    t = (x14 + x13) | 0; x15 ^= (t << 18) | (t >>> 14);
  }
  const words = [x0 + j0, x1 + j1, x2 + j2, x3 + j3, x4 + j4, x5 + j5, x6 + j6, x7 + j7, x8 + j8, x9 + j9, x10 + j10, x11 + j11, x12 + j12, x13 + j13, x14 + j14, x15 + j15];
  for (let i = 0; i < 16; i++) {
    const v = words[i]! >>> 0;
    out[4 * i] = v & 0xff;
    out[4 * i + 1] = (v >>> 8) & 0xff;
    out[4 * i + 2] = (v >>> 16) & 0xff;
    out[4 * i + 3] = v >>> 24;
  }
}

/**
 * The XSalsa20 keystream of (key, 24-byte nonce) with random access: any byte costs at most
 * one 64-byte block, so a reader can decrypt a few scattered bytes of a large box without
 * the rest. The keystream NaCl's secretbox XORs its plaintext with starts at byte 32.
 */
export class XSalsa20Keystream {
  private readonly subkey = new Uint8Array(32);
  private readonly nonce8: Uint8Array;
  private readonly block = new Uint8Array(64);
  private blockIndex = -1;

  constructor(key: Uint8Array, nonce24: Uint8Array) {
    lowlevel.crypto_core_hsalsa20(this.subkey, nonce24.subarray(0, 16), key, SIGMA_BYTES);
    this.nonce8 = nonce24.slice(16, 24);
  }

  byteAt(offset: number): number {
    const index = Math.floor(offset / 64);
    if (index !== this.blockIndex) {
      salsa20Block(this.subkey, this.nonce8, index, this.block);
      this.blockIndex = index;
    }
    return this.block[offset % 64]!;
  }
}
