import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { internal } from '../domain/errors.js';
import { formatWgKey, generateWgKeyPair, keyPairFromSecret, parseWgKey, type WgKeyPair } from './wg-key.js';

/** File in the data dir that holds the server's WireGuard private key (base64, mode 0600). */
export const SERVER_KEY_FILE = 'server.key';

/**
 * Loads the server key pair from the data dir, creating it on first start. Unlike upstream (a new
 * key per process) the key survives restarts, so GetServerKey and the following Login agree even
 * across a restart or on another replica sharing the data.
 */
export function loadOrCreateServerKey(dataDir: string): WgKeyPair {
  const path = join(dataDir, SERVER_KEY_FILE);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    try {
      return keyPairFromSecret(parseWgKey(text));
    } catch (err) {
      throw internal(`server key file ${path} is corrupt`, err);
    }
  }
  // Private like everything in the data dir (CONTRACT.md: dir 0700, files 0600).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pair = generateWgKeyPair();
  // 'wx' fails if another process created it meanwhile; then we read theirs.
  try {
    writeFileSync(path, `${formatWgKey(pair.secretKey)}\n`, { mode: 0o600, flag: 'wx' });
    return pair;
  } catch {
    return keyPairFromSecret(parseWgKey(readFileSync(path, 'utf8').trim()));
  }
}
