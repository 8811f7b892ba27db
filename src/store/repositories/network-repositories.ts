import type { NetworkResourceRepository, NetworkRouterRepository, ResourceNetworkRepository } from '../../domain/ports/repositories.js';
import { guardRepository } from '../guard-repository.js';
import { networkCodec, networkResourceCodec, networkRouterCodec } from '../rows/network-rows.js';
import { createAccountScopedRepository } from './account-scoped-repository.js';
import type { DbHandle } from './db-handle.js';

/** The Networks feature's three repositories bound to `db`, errors translated. */
export function createNetworkRepositories(db: DbHandle): {
  networks: ResourceNetworkRepository;
  networkResources: NetworkResourceRepository;
  networkRouters: NetworkRouterRepository;
} {
  return {
    networks: guardRepository(createAccountScopedRepository(db, 'networks', networkCodec)),
    networkResources: guardRepository(createAccountScopedRepository(db, 'network_resources', networkResourceCodec)),
    networkRouters: guardRepository(createAccountScopedRepository(db, 'network_routers', networkRouterCodec)),
  };
}
