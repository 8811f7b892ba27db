import nacl from 'tweetnacl';
import { invalidArgument } from '../domain/errors.js';
import { SharedKeyCache } from './shared-key-cache.js';
import { formatWgKey, parseWgKey, type WgKeyPair } from './wg-key.js';

/** Bytes of the random nonce that prefixes every envelope body (PROTOCOL.md §3.2). */
export const NONCE_LENGTH = 24;

/** Seals `plain` for `recipientPublic` as nonce(24) ‖ box(plain). */
export function seal(plain: Uint8Array, recipientPublic: Uint8Array, senderSecret: Uint8Array): Uint8Array {
  return sealWithShared(plain, nacl.box.before(recipientPublic, senderSecret));
}

/** Opens nonce(24) ‖ box; throws InvalidArgument when short, tampered or for another key. */
export function open(body: Uint8Array, senderPublic: Uint8Array, recipientSecret: Uint8Array): Uint8Array {
  return openWithShared(body, nacl.box.before(senderPublic, recipientSecret));
}

function sealWithShared(plain: Uint8Array, shared: Uint8Array): Uint8Array {
  const nonce = nacl.randomBytes(NONCE_LENGTH);
  const boxed = nacl.box.after(plain, nonce, shared);
  const out = new Uint8Array(NONCE_LENGTH + boxed.length);
  out.set(nonce, 0);
  out.set(boxed, NONCE_LENGTH);
  return out;
}

function openWithShared(body: Uint8Array, shared: Uint8Array): Uint8Array {
  if (body.length < NONCE_LENGTH) throw invalidArgument(`invalid request message: body of ${body.length} bytes is shorter than the nonce`);
  const plain = nacl.box.open.after(body.subarray(NONCE_LENGTH), body.subarray(0, NONCE_LENGTH), shared);
  if (plain === null) throw invalidArgument('invalid request message: body does not decrypt with this key');
  return plain;
}

/**
 * The server side of the envelope: opens requests from and seals responses to peers, keeping the
 * X25519 shared key per peer in a bounded cache (a full key agreement per message is ~100× slower).
 */
export class ServerEnvelope {
  readonly publicKeyText: string;
  private readonly cache: SharedKeyCache;

  constructor(
    private readonly serverKey: WgKeyPair,
    cacheSize = 65_536,
  ) {
    this.publicKeyText = formatWgKey(serverKey.publicKey);
    this.cache = new SharedKeyCache(cacheSize);
  }

  /** Opens a body sent by the peer whose key text is `peerKey`. */
  open(peerKey: string, body: Uint8Array): Uint8Array {
    return openWithShared(body, this.shared(peerKey));
  }

  /** Seals a message for the peer whose key text is `peerKey`. */
  seal(peerKey: string, plain: Uint8Array): Uint8Array {
    return sealWithShared(plain, this.shared(peerKey));
  }

  private shared(peerKey: string): Uint8Array {
    const hit = this.cache.get(peerKey);
    if (hit) return hit;
    const shared = nacl.box.before(parseWgKey(peerKey), this.serverKey.secretKey);
    this.cache.set(peerKey, shared);
    return shared;
  }
}
