import type { Repositories } from '../../domain/ports/repositories.js';
import type { EngineTraits } from '../engine-traits.js';
import { guardRepository } from '../guard-repository.js';
import { nameServerGroupFromRow, nameServerGroupToRow } from '../rows/name-server-group-row.js';
import { postureCheckFromRow, postureCheckToRow } from '../rows/posture-check-row.js';
import { routeFromRow, routeToRow } from '../rows/route-row.js';
import { createAccountRepository } from './account-repository.js';
import { createAccountScopedRepository } from './account-scoped-repository.js';
import type { DbHandle } from './db-handle.js';
import { createEventRepository } from './event-repository.js';
import { createDnsZoneRepository } from './dns-zone-repository.js';
import { createGroupRepository } from './group-repository.js';
import { createNetworkRepositories } from './network-repositories.js';
import { createInviteRepository } from './invite-repository.js';
import { createPeerRepository } from './peer-repository.js';
import { createPolicyRepository } from './policy-repository.js';
import { createSetupKeyRepository } from './setup-key-repository.js';
import { createTokenRepository } from './token-repository.js';
import { createUserRepository } from './user-repository.js';

/** Every repository bound to `db` (the root handle or one transaction), errors translated. */
export function createRepositories(db: DbHandle, traits: EngineTraits): Repositories {
  return {
    accounts: guardRepository(createAccountRepository(db, traits)),
    peers: guardRepository(createPeerRepository(db, traits)),
    groups: guardRepository(createGroupRepository(db)),
    policies: guardRepository(createPolicyRepository(db)),
    setupKeys: guardRepository(createSetupKeyRepository(db, traits)),
    routes: guardRepository(createAccountScopedRepository(db, 'routes', { fromRow: routeFromRow, toRow: routeToRow })),
    nameServerGroups: guardRepository(
      createAccountScopedRepository(db, 'name_server_groups', { fromRow: nameServerGroupFromRow, toRow: nameServerGroupToRow }),
    ),
    postureChecks: guardRepository(createAccountScopedRepository(db, 'posture_checks', { fromRow: postureCheckFromRow, toRow: postureCheckToRow })),
    users: guardRepository(createUserRepository(db)),
    tokens: guardRepository(createTokenRepository(db)),
    activity: guardRepository(createEventRepository(db)),
    ...createNetworkRepositories(db),
    dnsZones: guardRepository(createDnsZoneRepository(db)),
    invites: guardRepository(createInviteRepository(db)),
  };
}
