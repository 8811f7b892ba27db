import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULTS, buildConfig } from '../config/config.js';
import { readEnvSettings } from '../config/env-settings.js';
import { securePrivateDataDir } from '../config/private-data-dir.js';
import { invalidArgument } from '../domain/errors.js';
import { runImport } from '../import/index.js';
import { openStore } from '../store/index.js';

export const IMPORT_USAGE = `Usage: roost import --from <store.db | postgres DSN> [options]

Copies an upstream NetBird management store into Roost's store (SQLite in the data dir, or
PostgreSQL with NB_STORE_ENGINE=postgres and NB_STORE_ENGINE_POSTGRES_DSN, as 'roost serve'),
in one transaction. Peers keep their WireGuard keys, IPs and DNS names; tokens and setup keys
keep working. Stop upstream (and Roost) first. Connection state is not imported.

Options:
  --from SRC        upstream store: a store.db file, or a PostgreSQL DSN (URL or key=value)
  --events FILE     upstream's events.db (audit log; counted, not yet imported by this build)
  --config FILE     upstream's management.json (DataStoreEncryptionKey decrypts user e-mails/names)
  --data-dir DIR    Roost's data directory                        [${DEFAULTS.dataDir}]
  --dry-run         read and map everything, print counts and every unmappable row; write nothing
  --replace         overwrite a target store that already holds accounts
  -h, --help        this help

Exit status: 0 imported (or dry run with every row mapped), 1 otherwise; nothing is written
unless every row maps.
`;

export async function importCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      events: { type: 'string' },
      config: { type: 'string' },
      'data-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  if (values.from === undefined) {
    process.stderr.write(`roost import: --from is required\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? DEFAULTS.dataDir);
  const report = await runImport(
    { from: values.from, events: values.events, config: values.config, dryRun: values['dry-run'] === true, replace: values.replace === true },
    {
      async openTarget() {
        for (const c of securePrivateDataDir(dataDir)) process.stderr.write(`tightened permissions of ${c.path} from ${c.from} to ${c.to}\n`);
        // Chosen like 'roost init' (flags + env), never from upstream's management.json, whose
        // Datadir is upstream's own: Roost must not migrate itself into the store it reads.
        const config = buildConfig({ flags: { dataDir }, env: readEnvSettings(process.env), file: undefined, localSecret: '' });
        const target = config.store.engine === 'sqlite' ? resolve(config.store.file) : config.store.dsn;
        if (target === (config.store.engine === 'sqlite' ? resolve(values.from!) : values.from)) {
          throw invalidArgument(`the target store is the upstream store itself (${target}); choose another --data-dir or DSN`);
        }
        const store = await openStore(config.store);
        await store.migrate();
        return store;
      },
      out: (text) => process.stdout.write(text),
      progress: (message) => process.stderr.write(`import: ${message}\n`),
    },
  );
  return report.unmapped.length === 0 ? 0 : 1;
}
