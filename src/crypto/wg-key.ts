import nacl from 'tweetnacl';
import { invalidArgument } from '../domain/errors.js';

/** A Curve25519 key pair as used by WireGuard (and directly by NaCl box). */
export interface WgKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

const KEY_LEN = 32;
// Standard base64 of 32 bytes: 43 characters of the alphabet and one '=' pad.
const WG_KEY_RE = /^[A-Za-z0-9+/]{43}=$/;

/** Parses a WireGuard key in its text form (standard base64, 32 bytes). */
export function parseWgKey(text: string): Uint8Array {
  if (!WG_KEY_RE.test(text)) {
    throw invalidArgument(`invalid WireGuard key: expected 44 characters of standard base64, got ${JSON.stringify(text.slice(0, 64))}`);
  }
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== KEY_LEN) throw invalidArgument(`invalid WireGuard key: decodes to ${raw.length} bytes, want 32`);
  return new Uint8Array(raw);
}

export function formatWgKey(key: Uint8Array): string {
  return Buffer.from(key).toString('base64');
}

export function generateWgKeyPair(): WgKeyPair {
  return nacl.box.keyPair();
}

/** The public key of a secret; equals the WireGuard public key of that private key. */
export function keyPairFromSecret(secretKey: Uint8Array): WgKeyPair {
  return nacl.box.keyPair.fromSecretKey(secretKey);
}
