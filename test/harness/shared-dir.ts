/**
 * Files of `../shared` (the specs and frozen wire fixtures kept beside the checkout, not in the
 * repository). A clone on its own has no such folder: tests that read it skip with the reason
 * printed, and fail when CI=true, where a silent skip would hide lost coverage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared` relative to the checkout's root. */
export const SHARED_DIR = join(import.meta.dirname, '..', '..', '..', 'shared');

export interface SharedPath {
  readonly path: string;
  /** Why tests needing `path` cannot run, or undefined when it exists. */
  readonly skip: string | undefined;
}

/** The decision, apart from the file system: skip reason, or a throw under CI. */
export function sharedSkipReason(path: string, exists: boolean, ci: boolean): string | undefined {
  if (exists) return undefined;
  const reason = `${path} is absent (the specs and fixtures folder kept beside the checkout as ../shared)`;
  if (ci) throw new Error(`${reason}; required when CI=true`);
  return reason;
}

/**
 * `../shared/<parts…>`, with a skip reason when absent. Use as `test(name, { skip }, fn)`.
 * Throws when absent and CI=true, failing the test file.
 */
export function sharedPath(...parts: string[]): SharedPath {
  const path = join(SHARED_DIR, ...parts);
  const skip = sharedSkipReason(path, existsSync(path), process.env['CI'] === 'true');
  if (skip !== undefined) console.log(`skipping tests that read ${path}: it is absent`);
  return { path, skip };
}
