/**
 * Upstream's field-level encryption of `users.email` / `users.name` (and invite, deleted-user
 * columns): AES-256-GCM with the `DataStoreEncryptionKey` of management.json, stored as
 * base64(nonce(12) ‖ ciphertext ‖ tag(16)). Empty strings are stored empty.
 */
import { createDecipheriv } from 'node:crypto';
import { fail } from './map-error.js';

const NONCE = 12;
const TAG = 16;

export type FieldDecryptor = (column: string, stored: string) => string;

/** A decryptor for the base64 key; without a key every non-empty value is an error naming the flag. */
export function createFieldDecryptor(base64Key: string | undefined): FieldDecryptor {
  const key = base64Key === undefined || base64Key === '' ? undefined : Buffer.from(base64Key, 'base64');
  if (key !== undefined && key.length !== 32) throw new Error(`DataStoreEncryptionKey must be 32 bytes base64, got ${key.length} bytes`);
  return (column, stored) => {
    if (stored === '') return '';
    if (key === undefined) return fail(column, 'encrypted; pass --config with the upstream management.json (DataStoreEncryptionKey)');
    const raw = Buffer.from(stored, 'base64');
    if (raw.length < NONCE + TAG) return fail(column, 'too short to be an encrypted value');
    try {
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE));
      d.setAuthTag(raw.subarray(raw.length - TAG));
      return Buffer.concat([d.update(raw.subarray(NONCE, raw.length - TAG)), d.final()]).toString('utf8');
    } catch {
      return fail(column, 'cannot be decrypted with the DataStoreEncryptionKey given (wrong key or corrupted value)');
    }
  };
}
