import { createHash } from 'node:crypto';
import type { Random } from '../random.js';
import { BASE62_ALPHABET, base62Encode } from './base62.js';
import { crc32 } from './crc32.js';

export const PAT_PREFIX = 'nbp_';
export const PAT_SECRET_LENGTH = 30;
export const PAT_CHECKSUM_LENGTH = 6;
/** `nbp_` + 30 secret characters + 6 checksum characters. */
export const PAT_LENGTH = PAT_PREFIX.length + PAT_SECRET_LENGTH + PAT_CHECKSUM_LENGTH;

const SECRET_RE = new RegExp(`^[${BASE62_ALPHABET}]{${PAT_SECRET_LENGTH}}$`);

/** base62(CRC-32(secret)) left-padded with `0` to 6 characters. */
export function patChecksum(secret: string): string {
  return base62Encode(crc32(secret)).padStart(PAT_CHECKSUM_LENGTH, '0');
}

/** 30 uniformly random base62 characters (rejection sampling keeps bytes unbiased). */
export function generatePatSecret(random: Random): string {
  let out = '';
  while (out.length < PAT_SECRET_LENGTH) {
    for (const b of random.bytes(PAT_SECRET_LENGTH * 2)) {
      if (b < 248 && out.length < PAT_SECRET_LENGTH) out += BASE62_ALPHABET[b % 62] ?? '';
    }
  }
  return out;
}

export function generatePlainToken(random: Random): string {
  const secret = generatePatSecret(random);
  return PAT_PREFIX + secret + patChecksum(secret);
}

/** Length, prefix, alphabet and checksum — checked before any lookup. */
export function isWellFormedToken(plain: string): boolean {
  if (plain.length !== PAT_LENGTH || !plain.startsWith(PAT_PREFIX)) return false;
  const secret = plain.slice(PAT_PREFIX.length, PAT_PREFIX.length + PAT_SECRET_LENGTH);
  return SECRET_RE.test(secret) && plain.slice(PAT_PREFIX.length + PAT_SECRET_LENGTH) === patChecksum(secret);
}

/** The stored form: base64(SHA-256(plain token)). */
export function hashToken(plain: string): string {
  return createHash('sha256').update(plain).digest('base64');
}
