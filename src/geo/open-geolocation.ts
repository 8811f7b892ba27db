import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MmdbGeolocation } from './mmdb-geolocation.js';

/**
 * Upstream keeps its GeoLite2 City database in the data dir (`GeoLite2-City_<date>.mmdb`):
 * the newest such file there, if any.
 */
export async function findDatabaseFile(dataDir: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return undefined;
  }
  const found = names.filter((n) => /^GeoLite2-City.*\.mmdb$/i.test(n)).sort();
  return found.length === 0 ? undefined : join(dataDir, found[found.length - 1]!);
}

/**
 * The configured database (`NB_GEOLOCATION_DB`), else one found in the data dir; `undefined`
 * when there is none. A configured file that cannot be read or parsed is an error: the operator
 * asked for it.
 */
export async function openGeolocation(opts: { readonly path?: string; readonly dataDir: string }): Promise<{ geo: MmdbGeolocation; file: string } | undefined> {
  const file = opts.path ?? (await findDatabaseFile(opts.dataDir));
  if (file === undefined) return undefined;
  try {
    return { geo: new MmdbGeolocation(await readFile(file)), file };
  } catch (err) {
    throw new Error(`geolocation database ${file}: ${(err as Error).message}`, { cause: err });
  }
}
