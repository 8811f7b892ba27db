import type { DomainDeps } from '../domain-deps.js';
import { notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Account, AccountSettings } from '../model.js';
import { formatIpv4Prefix, parseIpv4Prefix } from '../net/ipv4.js';
import { cryptoRandom } from '../random.js';
import { transact, type DomainTx } from '../transact.js';
import { assignIps } from './assign-ips.js';
import { checkAccountSettings } from './check-account-settings.js';
import { settingsChangeAffectsMaps } from './settings-change-affects-maps.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { settingsChangeNotes } from '../activity/settings-change-notes.js';

export interface AccountService {
  get(accountId: string): Promise<Account>;
  /** Applies a partial settings update; bumps the serial only when maps can change. */
  updateSettings(accountId: string, patch: Partial<AccountSettings>, by?: InitiatorId): Promise<Account>;
}

/** Moves every peer into the new range (fresh addresses, none reused) and the account with them. */
async function readdressPeers(deps: DomainDeps, tx: DomainTx, accountId: string, range: string): Promise<void> {
  const net = formatIpv4Prefix(parseIpv4Prefix(range) ?? { base: 0, bits: 32 });
  const peers = await tx.peers.list(accountId);
  const ips = assignIps(net, peers.length, new Set(peers.map((p) => p.ip)), deps.random ?? cryptoRandom);
  for (const [i, p] of peers.entries()) await tx.peers.update({ ...p, ip: ips[i] ?? p.ip });
  await tx.accounts.updateNetworkNet(accountId, net);
}

/** Switching approval off approves everyone waiting; returns how many were. */
async function approveWaitingPeers(tx: DomainTx, accountId: string): Promise<number> {
  const waiting = (await tx.peers.list(accountId)).filter((p) => p.requiresApproval);
  for (const p of waiting) await tx.peers.update({ ...p, requiresApproval: false });
  return waiting.length;
}

export function createAccountService(deps: DomainDeps): AccountService {
  return {
    async get(accountId) {
      const account = await deps.store.repos.accounts.get(accountId);
      if (account === undefined) throw notFound(`account ${accountId} not found`);
      return account;
    },
    updateSettings: (accountId, patch, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const account = await tx.accounts.get(accountId);
        if (account === undefined) throw notFound(`account ${accountId} not found`);
        const old = account.settings;
        const next: AccountSettings = { ...old, ...patch };
        checkAccountSettings(next);
        const approved = old.peerApprovalEnabled && !next.peerApprovalEnabled ? await approveWaitingPeers(tx, accountId) : 0;
        if (next.networkRange !== '' && next.networkRange !== old.networkRange) await readdressPeers(deps, tx, accountId, next.networkRange);
        await tx.accounts.updateSettings(accountId, next);
        if (settingsChangeAffectsMaps(old, next, approved)) await bumpSerial(tx, accountId, 'account-settings-updated');
        await recordActivity(tx, deps.clock, accountId, settingsChangeNotes(accountId, old, next, by));
        const updated = await tx.accounts.get(accountId);
        return updated ?? account;
      }),
  };
}
