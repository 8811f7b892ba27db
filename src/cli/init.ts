import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULTS, buildConfig } from '../config/config.js';
import { readEnvSettings } from '../config/env-settings.js';
import { securePrivateDataDir } from '../config/private-data-dir.js';
import { InProcessChangeBus } from '../domain/change-bus.js';
import { systemClock } from '../domain/clock.js';
import { xidGenerator } from '../domain/id-generator.js';
import { ensureDefaultAccount } from '../domain/accounts/ensure-default-account.js';
import { createPersonalAccessToken } from '../domain/users/personal-access-tokens.js';
import { openStore } from '../store/index.js';

export const INIT_USAGE = `Usage: roost init [--data-dir DIR]

Creates the store if needed, a default account with an owner user if none exists, and a new
personal access token for that owner. The token is printed alone on the last line of stdout.
Idempotent apart from the new token. Honours NB_STORE_ENGINE / NB_STORE_ENGINE_POSTGRES_DSN.

Options:
  --data-dir DIR   data directory                               [${DEFAULTS.dataDir}]
  -h, --help       this help
`;

/** Days an init token stays valid (upstream's maximum PAT lifetime is 365 days). */
const INIT_TOKEN_DAYS = 365;

export async function init(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(INIT_USAGE);
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? DEFAULTS.dataDir);
  // stderr: stdout ends with the token alone.
  for (const c of securePrivateDataDir(dataDir)) process.stderr.write(`tightened permissions of ${c.path} from ${c.from} to ${c.to}\n`);
  const config = buildConfig({ flags: { dataDir }, env: readEnvSettings(process.env), file: undefined, localSecret: '' });
  const store = await openStore(config.store);
  try {
    await store.migrate();
    const deps = { store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
    const { account, owner, created } = await ensureDefaultAccount(deps);
    const { plainToken } = await createPersonalAccessToken(deps, { userId: owner.id, name: `roost init ${new Date().toISOString()}`, expiresInDays: INIT_TOKEN_DAYS });
    process.stdout.write(`${created ? 'created' : 'existing'} account ${account.id} (network ${account.network.net}), owner ${owner.id}\n`);
    process.stdout.write(`${plainToken}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
