import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** File in the data dir that held the TURN/relay secret before the store did. */
export const LOCAL_SECRET_FILE = 'turn-relay.secret';

/** Name of the TURN/relay secret among the store's shared secrets. */
export const LOCAL_SECRET_NAME = 'turn-relay-secret';

/**
 * The candidate secret keying the built-in TURN credentials and relay tokens (used only without
 * a management.json): the data dir's existing file, else a new random one. The store keeps the
 * first candidate any process offered (create-app), so every process hands out the same tokens.
 */
export function localSecretCandidate(dataDir: string): string {
  const path = join(dataDir, LOCAL_SECRET_FILE);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (text !== '') return text;
  }
  return randomBytes(32).toString('base64url');
}
