// sodium-native ships no types; only the calls the envelope uses are declared.
declare module 'sodium-native' {
  const sodium: {
    readonly crypto_secretbox_MACBYTES: number;
    /** Writes MAC ‖ ciphertext of `m` into `c` (`c.length === m.length + MACBYTES`). */
    crypto_secretbox_easy(c: Uint8Array, m: Uint8Array, n: Uint8Array, k: Uint8Array): void;
    /** Writes the ciphertext of `m` into `c` (may be `m` itself: in place) and its MAC into `mac`. */
    crypto_secretbox_detached(c: Uint8Array, mac: Uint8Array, m: Uint8Array, n: Uint8Array, k: Uint8Array): void;
    /** Writes the plaintext of `c` into `m`; false when the MAC does not verify. */
    crypto_secretbox_open_easy(m: Uint8Array, c: Uint8Array, n: Uint8Array, k: Uint8Array): boolean;
    randombytes_buf(buf: Uint8Array): void;
    /** X25519: writes n·p into `q`; throws when the product is all zeros (p of low order). */
    crypto_scalarmult(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  };
  export = sodium;
}
