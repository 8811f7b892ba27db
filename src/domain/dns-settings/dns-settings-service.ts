import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Account } from '../model.js';
import { transact } from '../transact.js';
import { SYSTEM_INITIATOR, type InitiatorId } from '../activity/activity-event.js';
import { recordActivity } from '../activity/record-activity.js';
import { groupPeerDiff } from '../activity/group-peer-diff.js';

export type DnsSettings = Account['dnsSettings'];

export interface DnsSettingsService {
  get(accountId: string): Promise<DnsSettings>;
  /** Replaces the disabled-management groups (each must exist); bumps the serial. */
  update(accountId: string, settings: DnsSettings, by?: InitiatorId): Promise<DnsSettings>;
}

export function createDnsSettingsService(deps: DomainDeps): DnsSettingsService {
  return {
    async get(accountId) {
      const account = await deps.store.repos.accounts.get(accountId);
      if (account === undefined) throw notFound(`account ${accountId} not found`);
      return account.dnsSettings;
    },
    update: (accountId, settings, by = SYSTEM_INITIATOR) =>
      transact(deps, async (tx) => {
        const account = await tx.accounts.get(accountId);
        if (account === undefined) throw notFound(`account ${accountId} not found`);
        const groups = await tx.groups.list(accountId);
        const groupIds = new Set(groups.map((g) => g.id));
        const disabled = [...new Set(settings.disabledManagementGroups)];
        const missing = disabled.find((g) => !groupIds.has(g));
        if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
        const next: DnsSettings = { disabledManagementGroups: disabled };
        await tx.accounts.updateDnsSettings(accountId, next);
        await bumpSerial(tx, accountId, 'dns-settings-updated');
        const names = new Map(groups.map((g) => [g.id, g.name]));
        const { added, removed } = groupPeerDiff(account.dnsSettings.disabledManagementGroups, disabled);
        const note = (activity: 'GroupAddedToDisabledManagementGroups' | 'GroupRemovedFromDisabledManagementGroups', id: string) =>
          ({ activity, initiatorId: by, targetId: accountId, meta: { group: names.get(id) ?? '', group_id: id } }) as const;
        await recordActivity(tx, deps.clock, accountId, [
          ...added.map((id) => note('GroupAddedToDisabledManagementGroups', id)),
          ...removed.map((id) => note('GroupRemovedFromDisabledManagementGroups', id)),
        ]);
        return next;
      }),
  };
}
