import type { AccountSettings, Peer } from '../domain/model.js';
import type { PeerJobDeps } from './peer-job-deps.js';
import type { PeerJobPorts } from './peer-job-ports.js';
import type { AccountJob } from './run-account-job.js';

/** What sets one expiry job apart: when a peer is due, the domain step that expires, when to look next. */
export interface ExpiryRule {
  readonly name: string;
  isDue(peer: Peer, settings: AccountSettings, now: number): boolean;
  /** The transactional domain step; returns the peers it expired. */
  expire(ports: PeerJobPorts, accountId: string): Promise<Peer[]>;
  nextAt(peers: readonly Peer[], settings: AccountSettings, now: number): number | undefined;
  /** The log line for `count` expired peers. */
  says(count: number): string;
}

/**
 * An expiry job over `rule`: when any peer of the account is due, the domain step expires them
 * (one serial bump), then the account is looked at again at the rule's next due time, computed
 * over the peers as the store now holds them.
 */
export function expiryJob(rule: ExpiryRule, deps: Pick<PeerJobDeps, 'ports' | 'log'>): AccountJob {
  return {
    name: rule.name,
    wants: (kind) => kind !== 'ephemeral-peer',
    async look(accountId, now) {
      const account = await deps.ports.readAccount(accountId);
      if (account === undefined) return undefined;
      let peers = account.peers;
      if (peers.some((p) => !p.loginExpired && rule.isDue(p, account.settings, now))) {
        const expired = await rule.expire(deps.ports, accountId);
        if (expired.length > 0) deps.log.info({ job: rule.name, accountId, peers: expired.map((p) => p.id) }, rule.says(expired.length));
        peers = markExpired(peers, expired);
      }
      return rule.nextAt(peers, account.settings, now);
    },
  };
}

/** `peers` with those in `expired` replaced by their expired form (what the store now holds). */
export function markExpired(peers: readonly Peer[], expired: readonly Peer[]): readonly Peer[] {
  if (expired.length === 0) return peers;
  const byId = new Map(expired.map((p) => [p.id, p]));
  return peers.map((p) => byId.get(p.id) ?? p);
}
