/**
 * Skip reason for tests that need a Unix platform (POSIX signals, Unix paths), or undefined
 * where they can run. Use as `test(name, { skip: needsUnix() }, fn)`; the reason is printed.
 */
export function needsUnix(platform: NodeJS.Platform = process.platform): string | undefined {
  return platform === 'win32' ? 'needs a Unix platform (POSIX signals and paths)' : undefined;
}
