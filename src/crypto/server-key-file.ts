import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { internal } from '../domain/errors.js';
import { formatWgKey, generateWgKeyPair, keyPairFromSecret, parseWgKey, type WgKeyPair } from './wg-key.js';

/** File in the data dir that held the server's WireGuard private key before the store did. */
export const SERVER_KEY_FILE = 'server.key';

/** Name of the server key among the store's shared secrets. */
export const SERVER_KEY_SECRET = 'wireguard-private-key';

/** The part of the store's secret repository the key needs (a port, so crypto stays store-free). */
export interface SharedSecrets {
  getOrCreate(name: string, candidate: () => string, now: number): Promise<string>;
}

/** The key pair in `server.key` of the data dir, or undefined when there is no such file. */
export function readServerKeyFile(dataDir: string): WgKeyPair | undefined {
  const path = join(dataDir, SERVER_KEY_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return keyPairFromSecret(parseWgKey(readFileSync(path, 'utf8').trim()));
  } catch (err) {
    throw internal(`server key file ${path} is corrupt`, err);
  }
}

/**
 * The server key pair every process on the store shares. Unlike upstream (a new key per process)
 * it is created once in the store; a deployment's existing `server.key` becomes it on the first
 * start, so clients keep the key they know.
 */
export async function loadSharedServerKey(dataDir: string, secrets: SharedSecrets, now: number): Promise<WgKeyPair> {
  const text = await secrets.getOrCreate(SERVER_KEY_SECRET, () => formatWgKey((readServerKeyFile(dataDir) ?? generateWgKeyPair()).secretKey), now);
  let pair: WgKeyPair;
  try {
    pair = keyPairFromSecret(parseWgKey(text));
  } catch (err) {
    throw internal(`the server key stored as ${SERVER_KEY_SECRET} is corrupt`, err);
  }
  mirrorIfAbsent(join(dataDir, SERVER_KEY_FILE), text);
  return pair;
}

/**
 * Keeps a copy in the data dir when there is none (private, 0600): a rollback to a version that
 * reads the file, or a data-dir backup, keeps the key clients know. Never overwrites a file.
 */
export function mirrorIfAbsent(path: string, text: string): void {
  if (existsSync(path)) return;
  try {
    writeFileSync(path, `${text}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    // Another process wrote it meanwhile, or the dir is read-only: the store holds the value.
  }
}
