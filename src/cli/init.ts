import { readFileSync } from 'node:fs';
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
import { giveOwnerLogin, ownerLoginProblem, passwordFromFile } from '../idp/index.js';
import { openStore } from '../store/index.js';

export const INIT_USAGE = `Usage: roost init [--data-dir DIR] [--owner-email E --owner-password-file F]

Creates the store if needed, the single account (domain netbird.selfhosted) with an owner user
if none exists, and a new personal access token for that owner. The token is printed alone on
the last line of stdout. Idempotent apart from the new token. Honours NB_STORE_ENGINE /
NB_STORE_ENGINE_POSTGRES_DSN.

With --owner-email and --owner-password-file the owner gets an e-mail + password login of the
embedded identity provider (run again, it sets the password anew); the file holds the password
(8 to 72 characters) on its first line.

Options:
  --data-dir DIR              data directory                    [${DEFAULTS.dataDir}]
  --owner-email E             the owner's sign-in e-mail
  --owner-password-file F     file holding the owner's password
  -h, --help                  this help
`;

/** The owner's login from the flags, checked before anything is written; an Error says what is wrong. */
function ownerLoginFrom(values: { 'owner-email'?: string; 'owner-password-file'?: string }): { email: string; password: string } | undefined {
  const email = values['owner-email'];
  const file = values['owner-password-file'];
  if (email === undefined && file === undefined) return undefined;
  if (email === undefined || file === undefined) throw new Error('--owner-email and --owner-password-file go together');
  let password: string;
  try {
    password = passwordFromFile(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read --owner-password-file ${file}: ${(err as Error).message}`);
  }
  const problem = ownerLoginProblem(email, password);
  if (problem) throw new Error(`owner login: ${problem}`);
  return { email: email.trim().toLowerCase(), password };
}

/** Days an init token stays valid (upstream's maximum PAT lifetime is 365 days). */
const INIT_TOKEN_DAYS = 365;

export async function init(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, 'owner-email': { type: 'string' }, 'owner-password-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(INIT_USAGE);
    return 0;
  }
  let ownerLogin: ReturnType<typeof ownerLoginFrom>;
  try {
    ownerLogin = ownerLoginFrom(values);
  } catch (err) {
    process.stderr.write(`roost init: ${(err as Error).message}\n`);
    return 2;
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
    if (ownerLogin) {
      await giveOwnerLogin({ repo: store.idp, clock: systemClock }, owner.id, ownerLogin.email, ownerLogin.password);
      if (owner.email === '') await store.withTx((tx) => tx.users.update({ ...owner, email: ownerLogin.email }));
      process.stdout.write(`owner ${owner.id} signs in as ${ownerLogin.email}\n`);
    }
    const { plainToken } = await createPersonalAccessToken(deps, { userId: owner.id, name: `roost init ${new Date().toISOString()}`, expiresInDays: INIT_TOKEN_DAYS });
    process.stdout.write(`${created ? 'created' : 'existing'} account ${account.id} (network ${account.network.net}), owner ${owner.id}\n`);
    process.stdout.write(`${plainToken}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
