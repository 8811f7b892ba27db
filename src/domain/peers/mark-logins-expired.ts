import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { AccountSettings, Peer } from '../model.js';
import { transact, type DomainTx } from '../transact.js';
import { recordActivity } from '../activity/record-activity.js';
import { accountDnsDomain, peerEventMeta } from '../activity/event-meta.js';

/**
 * Inside `tx`: re-reads each candidate under its row lock and, while `stillDue` holds for the
 * fresh row, marks it login-expired and disconnected (upstream `MarkLoginExpired`). Bumps the
 * serial once when any peer was marked, so every map of the account is pushed again and the
 * expired peers' own streams end (sync/). Returns the marked peers as stored.
 */
export async function markLoginsExpired(tx: DomainTx, accountId: string, candidates: readonly Peer[], stillDue: (fresh: Peer) => boolean): Promise<Peer[]> {
  const expired: Peer[] = [];
  for (const candidate of candidates) {
    // The locked re-read keeps a concurrent status or meta write from being overwritten.
    const peer = await tx.peers.get(accountId, candidate.id, true);
    if (peer === undefined || peer.loginExpired || !stillDue(peer)) continue;
    const marked: Peer = { ...peer, loginExpired: true, connected: false };
    await tx.peers.update(marked);
    expired.push(marked);
  }
  if (expired.length > 0) await bumpSerial(tx, accountId, 'peer-login-expired');
  return expired;
}

/**
 * An expiry job's step for one account: in one transaction, marks login-expired every peer not
 * yet expired for which `due(peer, settings, now)` holds (re-checked on the locked row), with one
 * serial bump if any were. Returns them. NotFound for an unknown account.
 */
export async function expireLoginsWhere(deps: DomainDeps, accountId: string, due: (peer: Peer, settings: AccountSettings, now: number) => boolean): Promise<Peer[]> {
  const now = deps.clock.now();
  return transact(deps, async (tx) => {
    const account = await tx.accounts.get(accountId);
    if (account === undefined) throw notFound(`account ${accountId} not found`);
    const stillDue = (p: Peer) => due(p, account.settings, now);
    const candidates = (await tx.peers.list(accountId)).filter((p) => !p.loginExpired && stillDue(p));
    const expired = await markLoginsExpired(tx, accountId, candidates, stillDue);
    // Upstream names the peer's user as the initiator of its login expiry.
    const dnsDomain = accountDnsDomain(account, deps.dnsDomain);
    await recordActivity(
      tx,
      deps.clock,
      accountId,
      expired.map((p) => ({ activity: 'PeerLoginExpired', initiatorId: p.userId, targetId: p.id, meta: peerEventMeta(p, dnsDomain) })),
    );
    return expired;
  });
}
