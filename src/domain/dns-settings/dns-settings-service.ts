import type { DomainDeps } from '../domain-deps.js';
import { invalidArgument, notFound } from '../errors.js';
import { bumpSerial } from '../map-relevant-changes.js';
import type { Account } from '../model.js';
import { transact } from '../transact.js';

export type DnsSettings = Account['dnsSettings'];

export interface DnsSettingsService {
  get(accountId: string): Promise<DnsSettings>;
  /** Replaces the disabled-management groups (each must exist); bumps the serial. */
  update(accountId: string, settings: DnsSettings): Promise<DnsSettings>;
}

export function createDnsSettingsService(deps: DomainDeps): DnsSettingsService {
  return {
    async get(accountId) {
      const account = await deps.store.repos.accounts.get(accountId);
      if (account === undefined) throw notFound(`account ${accountId} not found`);
      return account.dnsSettings;
    },
    update: (accountId, settings) =>
      transact(deps, async (tx) => {
        if ((await tx.accounts.get(accountId)) === undefined) throw notFound(`account ${accountId} not found`);
        const groupIds = new Set((await tx.groups.list(accountId)).map((g) => g.id));
        const disabled = [...new Set(settings.disabledManagementGroups)];
        const missing = disabled.find((g) => !groupIds.has(g));
        if (missing !== undefined) throw invalidArgument(`group ${missing} not found`);
        const next: DnsSettings = { disabledManagementGroups: disabled };
        await tx.accounts.updateDnsSettings(accountId, next);
        await bumpSerial(tx, accountId, 'dns-settings-updated');
        return next;
      }),
  };
}
