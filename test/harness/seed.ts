import type { App } from '../../src/app/create-app.js';
import type { DomainDeps } from '../../src/domain/domain-deps.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { ensureDefaultAccount } from '../../src/domain/accounts/ensure-default-account.js';
import { createSetupKeyService, type SetupKeyInput } from '../../src/domain/setup-keys/setup-key-service.js';

/** Domain deps bound to a running app's store, bus and clock: writes reach its live streams. */
export function domainOf(app: App): DomainDeps {
  return { store: app.store, bus: app.bus, clock: app.clock, ids: xidGenerator };
}

export interface Seeded {
  readonly deps: DomainDeps;
  readonly accountId: string;
  readonly ownerId: string;
  /** Creates a setup key; returns its plain (lower-cased, as clients send it) form and id. */
  setupKey(input?: Partial<SetupKeyInput>): Promise<{ plain: string; id: string }>;
}

/** The default account (as `roost init` makes it) plus a setup-key factory. */
export async function seedAccount(app: App): Promise<Seeded> {
  const deps = domainOf(app);
  const { account, owner } = await ensureDefaultAccount(deps);
  const keys = createSetupKeyService(deps);
  return {
    deps,
    accountId: account.id,
    ownerId: owner.id,
    async setupKey(input = {}) {
      const created = await keys.create(account.id, {
        name: 'test key',
        type: 'reusable',
        expiresIn: 0,
        usageLimit: 0,
        autoGroups: [],
        ephemeral: false,
        allowExtraDnsLabels: false,
        ...input,
      });
      return { plain: created.plainKey.toLowerCase(), id: created.key.id };
    },
  };
}
