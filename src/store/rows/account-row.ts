import type { Account, AccountSettings } from '../../domain/model.js';
import type { AccountsTable } from '../schema/database.js';
import { fromJson, toJson } from './column-codec.js';

export function accountFromRow(r: AccountsTable): Account {
  return {
    id: r.id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    domain: r.domain,
    network: { identifier: r.network_identifier, net: r.network_net, serial: r.network_serial },
    settings: fromJson<AccountSettings>(r.settings),
    dnsSettings: fromJson<Account['dnsSettings']>(r.dns_settings),
  };
}

export function accountToRow(a: Account): AccountsTable {
  return {
    id: a.id,
    created_by: a.createdBy,
    created_at: a.createdAt,
    domain: a.domain,
    network_identifier: a.network.identifier,
    network_net: a.network.net,
    network_serial: a.network.serial,
    settings: toJson(a.settings),
    dns_settings: toJson(a.dnsSettings),
  };
}
