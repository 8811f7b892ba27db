import nacl from 'tweetnacl';
import sodium from 'sodium-native';
import { invalidArgument } from '../domain/errors.js';
import { LruMap } from '../shared/lru-map.js';
import { formatWgKey, parseWgKey, type WgKeyPair } from './wg-key.js';

/** Bytes of the random nonce that prefixes every envelope body (PROTOCOL.md §3.2). */
export const NONCE_LENGTH = 24;
/** Bytes a sealed body adds to its plaintext: nonce(24) + Poly1305 tag(16). */
export const SEAL_OVERHEAD = NONCE_LENGTH + 16;

/** Seals `plain` for `recipientPublic` as nonce(24) ‖ box(plain). */
export function seal(plain: Uint8Array, recipientPublic: Uint8Array, senderSecret: Uint8Array): Uint8Array {
  return sealWithShared(plain, sharedKey(recipientPublic, senderSecret));
}

/** Opens nonce(24) ‖ box; throws InvalidArgument when short, tampered or for another key. */
export function open(body: Uint8Array, senderPublic: Uint8Array, recipientSecret: Uint8Array): Uint8Array {
  return openWithShared(body, sharedKey(senderPublic, recipientSecret));
}

// tweetnacl's typings omit `lowlevel`; HSalsa20 is the one primitive taken from it.
const hsalsa20 = (nacl as unknown as { lowlevel: { crypto_core_hsalsa20(out: Uint8Array, inp: Uint8Array, k: Uint8Array, c: Uint8Array): void } })
  .lowlevel.crypto_core_hsalsa20;
const SIGMA = new TextEncoder().encode('expand 32-byte k');
const ZERO16 = new Uint8Array(16);

/**
 * NaCl's box.before: HSalsa20 over the X25519 product. libsodium does the scalar product (~15×
 * faster than tweetnacl's, which matters when thousands of peers reconnect to a fresh process)
 * and refuses keys of low order, whose product would be all zeros: a request is never opened
 * with such a key.
 */
export function sharedKey(publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const product = new Uint8Array(32);
  try {
    sodium.crypto_scalarmult(product, secretKey, publicKey);
  } catch {
    throw invalidArgument('invalid peer key: no shared key agrees with it');
  }
  const shared = new Uint8Array(32);
  hsalsa20(shared, ZERO16, product, SIGMA);
  return shared;
}

/** A fresh buffer of `n` bytes, as a plain Uint8Array (callers and tests compare by prototype). */
function alloc(n: number): Uint8Array {
  const b = Buffer.allocUnsafe(n);
  return new Uint8Array(b.buffer, b.byteOffset, n);
}

function sealWithShared(plain: Uint8Array, shared: Uint8Array): Uint8Array {
  const out = alloc(plain.length + SEAL_OVERHEAD);
  sealInto(out, plain, shared);
  return out;
}

/**
 * NaCl box with a precomputed key is secretbox (XSalsa20-Poly1305) keyed by that key, so libsodium
 * produces the bytes tweetnacl's `box.after` would, ~20× faster; nonce and box go straight into `out`.
 */
function sealInto(out: Uint8Array, plain: Uint8Array, shared: Uint8Array): void {
  if (out.length !== plain.length + SEAL_OVERHEAD) throw new RangeError(`sealed body needs ${plain.length + SEAL_OVERHEAD} bytes, got ${out.length}`);
  const nonce = out.subarray(0, NONCE_LENGTH);
  sodium.randombytes_buf(nonce);
  sodium.crypto_secretbox_easy(out.subarray(NONCE_LENGTH), plain, nonce, shared);
}

function openWithShared(body: Uint8Array, shared: Uint8Array): Uint8Array {
  if (body.length < NONCE_LENGTH) throw invalidArgument(`invalid request message: body of ${body.length} bytes is shorter than the nonce`);
  if (body.length < SEAL_OVERHEAD) throw invalidArgument('invalid request message: body does not decrypt with this key');
  const plain = alloc(body.length - SEAL_OVERHEAD);
  const ok = sodium.crypto_secretbox_open_easy(plain, body.subarray(NONCE_LENGTH), body.subarray(0, NONCE_LENGTH), shared);
  if (!ok) throw invalidArgument('invalid request message: body does not decrypt with this key');
  return plain;
}

/**
 * The server side of the envelope: opens requests from and seals responses to peers, keeping the
 * X25519 shared key per peer in a bounded cache (a full key agreement per message is ~100× slower).
 */
export class ServerEnvelope {
  readonly publicKeyText: string;
  private readonly cache: LruMap<Uint8Array>;

  constructor(
    private readonly serverKey: WgKeyPair,
    cacheSize = 65_536,
  ) {
    this.publicKeyText = formatWgKey(serverKey.publicKey);
    this.cache = new LruMap<Uint8Array>(cacheSize);
  }

  /** Opens a body sent by the peer whose key text is `peerKey`. */
  open(peerKey: string, body: Uint8Array): Uint8Array {
    return openWithShared(body, this.shared(peerKey));
  }

  /** Seals a message for the peer whose key text is `peerKey`. */
  seal(peerKey: string, plain: Uint8Array): Uint8Array {
    return sealWithShared(plain, this.shared(peerKey));
  }

  /**
   * Seals into `out` (exactly `plain.length + SEAL_OVERHEAD` bytes, e.g. a slice of a larger
   * frame), so a caller building an outer message copies the ciphertext zero extra times.
   */
  sealInto(peerKey: string, plain: Uint8Array, out: Uint8Array): void {
    sealInto(out, plain, this.shared(peerKey));
  }

  /**
   * Seals `body` = nonce ‖ tag ‖ plaintext in place: the caller wrote the plaintext at offset
   * SEAL_OVERHEAD of its outgoing buffer, so a large message is encrypted where it lies instead of
   * being assembled in one buffer and sealed into another. The bytes equal `seal`'s for the nonce.
   */
  sealInPlace(peerKey: string, body: Uint8Array): void {
    if (body.length < SEAL_OVERHEAD) throw new RangeError(`a sealed body has at least ${SEAL_OVERHEAD} bytes, got ${body.length}`);
    const nonce = body.subarray(0, NONCE_LENGTH);
    const text = body.subarray(SEAL_OVERHEAD);
    sodium.randombytes_buf(nonce);
    sodium.crypto_secretbox_detached(text, body.subarray(NONCE_LENGTH, SEAL_OVERHEAD), text, nonce, this.shared(peerKey));
  }

  private shared(peerKey: string): Uint8Array {
    const hit = this.cache.get(peerKey);
    if (hit) return hit;
    const shared = sharedKey(parseWgKey(peerKey), this.serverKey.secretKey);
    this.cache.set(peerKey, shared);
    return shared;
  }
}
