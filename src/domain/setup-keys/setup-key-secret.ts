import { createHash } from 'node:crypto';
import type { Random } from '../random.js';

/** The stored form: base64(SHA-256(upper-cased plain key)) — lookups are case-insensitive. */
export function hashSetupKey(plain: string): string {
  return createHash('sha256').update(plain.toUpperCase()).digest('base64');
}

/** Display form: the first 5 characters and `****`. */
export function setupKeySecret(plain: string): string {
  return `${plain.slice(0, 5)}****`;
}

/** A new plain key: an upper-case UUIDv4, as upstream generates. */
export function generateSetupKeyPlain(random: Random): string {
  const b = random.bytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
