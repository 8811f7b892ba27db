import nacl from 'tweetnacl';
import sodium from 'sodium-native';

// src/crypto/sodium-native.d.ts declares only what the server calls; this is the bench's one.
const { crypto_stream_salsa20_xor_ic } = sodium as unknown as {
  /** XORs `m` with the Salsa20 keystream of (k, 8-byte n) from 64-byte block `ic` into `c`. */
  crypto_stream_salsa20_xor_ic(c: Uint8Array, m: Uint8Array, n: Uint8Array, ic: number, k: Uint8Array): void;
};

interface LowLevel {
  crypto_core_hsalsa20(out: Uint8Array, inp: Uint8Array, k: Uint8Array, c: Uint8Array): void;
}
// libsodium's HSalsa20 is not exposed by sodium-native; tweetnacl's is (one call per box).
const { crypto_core_hsalsa20 } = (nacl as unknown as { lowlevel: LowLevel }).lowlevel;
const SIGMA = new TextEncoder().encode('expand 32-byte k');
const ZEROS = new Uint8Array(64);

/**
 * The XSalsa20 keystream of (key, 24-byte nonce) with random access: any byte costs at most
 * one 64-byte block, so a reader can decrypt a few scattered bytes of a large box without
 * the rest. The keystream NaCl's secretbox XORs its plaintext with starts at byte 32.
 *
 * XSalsa20 is Salsa20 under the HSalsa20 subkey of the nonce's first 16 bytes, with its last 8
 * as nonce; libsodium's block-counter call (`_ic`) gives the random access. (Its whole-stream
 * `crypto_stream` would cost the full prefix: 1.8× slower when a big field precedes the map.)
 */
export class XSalsa20Keystream {
  private readonly subkey = new Uint8Array(32);
  private readonly nonce8: Uint8Array;
  private readonly block = new Uint8Array(64);
  private blockIndex = -1;

  constructor(key: Uint8Array, nonce24: Uint8Array) {
    crypto_core_hsalsa20(this.subkey, nonce24.subarray(0, 16), key, SIGMA);
    this.nonce8 = nonce24.slice(16, 24);
  }

  byteAt(offset: number): number {
    const index = Math.floor(offset / 64);
    if (index !== this.blockIndex) {
      crypto_stream_salsa20_xor_ic(this.block, ZEROS, this.nonce8, index, this.subkey);
      this.blockIndex = index;
    }
    return this.block[offset % 64]!;
  }
}
