import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const LOCAL_SECRET_FILE = 'turn-relay.secret';

/**
 * The secret keying the built-in TURN credentials and relay tokens (used only without a
 * management.json). Created once so tokens stay valid across restarts.
 */
export function loadOrCreateLocalSecret(dataDir: string): string {
  const path = join(dataDir, LOCAL_SECRET_FILE);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  // Private like everything in the data dir (CONTRACT.md: dir 0700, files 0600).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(path, 'utf8').trim();
  }
}
