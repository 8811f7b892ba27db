import type { DomainDeps } from '../domain/domain-deps.js';
import type { AccountSettings, Peer } from '../domain/model.js';
import { deleteEphemeralPeers, type EphemeralCleanupRule } from '../domain/peers/delete-ephemeral-peers.js';
import { expireInactivePeers } from '../domain/peers/expire-inactive-peers.js';
import { expirePeerLogins } from '../domain/peers/expire-peer-logins.js';

/** An account as the peer jobs read it. */
export interface AccountPeers {
  readonly settings: AccountSettings;
  readonly peers: readonly Peer[];
}

/** The domain operations the peer jobs use, owned here. */
export interface PeerJobPorts {
  /** Settings and peers of the account; undefined once the account is gone. */
  readAccount(accountId: string): Promise<AccountPeers | undefined>;
  expirePeerLogins(accountId: string): Promise<Peer[]>;
  expireInactivePeers(accountId: string): Promise<Peer[]>;
  deleteEphemeralPeers(accountId: string, rule: EphemeralCleanupRule): Promise<Peer[]>;
}

/** The ports over the domain: reads through its store port, writes through its steps. */
export function domainPeerJobPorts(deps: DomainDeps): PeerJobPorts {
  const repos = deps.store.repos;
  return {
    async readAccount(accountId) {
      const account = await repos.accounts.get(accountId);
      if (account === undefined) return undefined;
      return { settings: account.settings, peers: await repos.peers.list(accountId) };
    },
    expirePeerLogins: (accountId) => expirePeerLogins(deps, accountId),
    expireInactivePeers: (accountId) => expireInactivePeers(deps, accountId),
    deleteEphemeralPeers: (accountId, rule) => deleteEphemeralPeers(deps, accountId, rule),
  };
}
