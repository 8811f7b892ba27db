import type { SetupKey, SetupKeyType } from '../../domain/model.js';
import type { SetupKeysTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

export function setupKeyFromRow(r: SetupKeysTable): SetupKey {
  return {
    id: r.id,
    accountId: r.account_id,
    keyHash: r.key_hash,
    keySecret: r.key_secret,
    name: r.name,
    type: r.type as SetupKeyType,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
    revoked: fromFlag(r.revoked),
    usedTimes: r.used_times,
    lastUsed: r.last_used,
    usageLimit: r.usage_limit,
    autoGroups: fromJson<string[]>(r.auto_groups),
    ephemeral: fromFlag(r.ephemeral),
    allowExtraDnsLabels: fromFlag(r.allow_extra_dns_labels),
  };
}

export function setupKeyToRow(k: SetupKey): SetupKeysTable {
  return {
    id: k.id,
    account_id: k.accountId,
    key_hash: k.keyHash,
    key_secret: k.keySecret,
    name: k.name,
    type: k.type,
    created_at: k.createdAt,
    updated_at: k.updatedAt,
    expires_at: k.expiresAt,
    revoked: toFlag(k.revoked),
    used_times: k.usedTimes,
    last_used: k.lastUsed,
    usage_limit: k.usageLimit,
    auto_groups: toJson(k.autoGroups),
    ephemeral: toFlag(k.ephemeral),
    allow_extra_dns_labels: toFlag(k.allowExtraDnsLabels),
  };
}
