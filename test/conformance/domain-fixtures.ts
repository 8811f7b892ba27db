/** Helpers for suites that drive the domain services against a real store. */
import type { AccountChange } from '../../src/domain/change-bus.js';
import { createDomainServices, type DomainServices } from '../../src/domain/create-domain-services.js';
import type { Peer } from '../../src/domain/model.js';
import type { Store } from '../../src/store/index.js';
import { meta, seedAccount, testDeps, wgKey, type SeededAccount, type TestDeps } from './store-fixtures.js';

export interface DomainCtx {
  readonly deps: TestDeps;
  readonly svc: DomainServices;
  readonly seeded: SeededAccount;
  readonly accountId: string;
  /** Registers a peer through a fresh reusable setup key. */
  registerPeer(hostname?: string): Promise<Peer>;
  serial(): Promise<number>;
  /** Changes published for this account since the context was made. */
  published(): readonly AccountChange[];
}

export async function domainCtx(store: Store): Promise<DomainCtx> {
  const deps = testDeps(store);
  const svc = createDomainServices(deps);
  const seeded = await seedAccount(deps);
  const accountId = seeded.account.id;
  return {
    deps,
    svc,
    seeded,
    accountId,
    async registerPeer(hostname = 'host') {
      const { plainKey } = await svc.setupKeys.create(accountId, {
        name: 'k', type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups: [], ephemeral: false, allowExtraDnsLabels: false,
      });
      const { peer } = await svc.peerLifecycle.registerPeer({ setupKey: plainKey, key: wgKey(), meta: meta({ hostname }), sshKey: '', extraDnsLabels: [] });
      return peer;
    },
    async serial() {
      const s = await store.getAccountSerial(accountId);
      if (s === undefined) throw new Error('account vanished');
      return s;
    },
    published: () => deps.published.filter((c) => c.accountId === accountId),
  };
}
