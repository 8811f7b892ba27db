import type { ChangeBus } from './change-bus.js';
import type { Clock } from './clock.js';
import type { IdGenerator } from './id-generator.js';
import type { DomainStore } from './ports/domain-store.js';
import type { Random } from './random.js';

/** What every domain service is built from; `create-app.ts` hands in the implementations. */
export interface DomainDeps {
  readonly store: DomainStore;
  readonly bus: ChangeBus;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Defaults to `cryptoRandom`. */
  readonly random?: Random;
  /** The server's DNS domain (`--dns-domain`): peers' FQDNs in audit events when the account sets none; custom zones may not reuse it. */
  readonly dnsDomain?: string;
}
