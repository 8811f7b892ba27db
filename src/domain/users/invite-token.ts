import { createHash, randomInt } from 'node:crypto';
import { base62Encode, BASE62_ALPHABET } from './base62.js';
import { crc32 } from './crc32.js';

/** IDENTITY.md §5.2: `nbi_` + 30 random base62 chars + 6-char base62 CRC32 of the secret. */
const PREFIX = 'nbi_';
const SECRET_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

function checksumOf(secret: string): string {
  return base62Encode(crc32(secret)).padStart(CHECKSUM_LENGTH, '0');
}

/** A new invite token; `pick(n)` draws an integer in [0, n) (crypto-random by default). */
export function newInviteToken(pick: (n: number) => number = randomInt): string {
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += BASE62_ALPHABET[pick(62)];
  return PREFIX + secret + checksumOf(secret);
}

/** Why a token is malformed (answered 422 `invalid invite token: …`), or undefined. */
export function inviteTokenProblem(token: string): string | undefined {
  if (!token.startsWith(PREFIX)) return 'invalid token prefix';
  if (token.length !== PREFIX.length + SECRET_LENGTH + CHECKSUM_LENGTH) return 'invalid token length';
  const secret = token.slice(PREFIX.length, PREFIX.length + SECRET_LENGTH);
  if (checksumOf(secret) !== token.slice(PREFIX.length + SECRET_LENGTH)) return 'invalid token checksum';
  return undefined;
}

/** What is stored: base64 (standard) of the token's SHA-256. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}
