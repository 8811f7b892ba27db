import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_KEY_FILE } from '../crypto/server-key-file.js';
import { LOCAL_SECRET_FILE } from './local-secret.js';

/**
 * The files Roost writes in the data dir: the SQLite store with its WAL and shared-memory files
 * (SQLite creates those itself, with the store file's mode), the server's WireGuard key and the
 * built-in TURN/relay secret.
 */
export const DATA_DIR_FILES: readonly string[] = ['store.db', 'store.db-wal', 'store.db-shm', SERVER_KEY_FILE, LOCAL_SECRET_FILE];

/** The mode a data-dir entry must have (CONTRACT.md: dir 0700, files 0600). */
const PRIVATE = { dir: 0o700, file: 0o600 } as const;

/** The permission bits an existing entry must be changed to, or undefined when it is right already. */
export function tightenedMode(mode: number, kind: 'dir' | 'file'): number | undefined {
  const bits = mode & 0o777;
  return bits === PRIVATE[kind] ? undefined : PRIVATE[kind];
}

/** One entry whose mode was changed, for the start-up log. */
export interface Tightened {
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Creates the data dir 0700, or tightens an existing one and the files Roost wrote in it (an
 * older version left them 0755/0644); returns what it changed so the caller can say so.
 * Files Roost creates later are created 0600 by their writers.
 */
export function securePrivateDataDir(dataDir: string): Tightened[] {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE.dir });
  const changed: Tightened[] = [];
  const tighten = (path: string, kind: 'dir' | 'file') => {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const to = tightenedMode(mode, kind);
    if (to === undefined) return;
    chmodSync(path, to);
    changed.push({ path, from: octal(mode), to: octal(to) });
  };
  tighten(dataDir, 'dir');
  for (const name of DATA_DIR_FILES) tighten(join(dataDir, name), 'file');
  return changed;
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
