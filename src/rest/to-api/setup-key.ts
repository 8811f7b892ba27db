import type { SetupKey } from '../../domain/model.js';
import { isSetupKeyExpired, isSetupKeyOverUsed, isSetupKeyValid } from '../../domain/setup-keys/setup-key-validity.js';
import { apiTime } from './api-time.js';

export type SetupKeyState = 'valid' | 'overused' | 'expired' | 'revoked';

/** OpenAPI `SetupKey` / `SetupKeyClear`: `key` is the masked secret, or the plain key once at creation. */
export interface ApiSetupKey {
  id: string;
  key: string;
  name: string;
  expires: string;
  type: SetupKey['type'];
  valid: boolean;
  revoked: boolean;
  used_times: number;
  last_used: string;
  state: SetupKeyState;
  auto_groups: string[];
  updated_at: string;
  usage_limit: number;
  ephemeral: boolean;
  allow_extra_dns_labels: boolean;
}

/** Upstream's precedence: expired, then revoked, then overused. */
export function setupKeyState(key: SetupKey, now: number): SetupKeyState {
  if (isSetupKeyExpired(key, now)) return 'expired';
  if (key.revoked) return 'revoked';
  if (isSetupKeyOverUsed(key)) return 'overused';
  return 'valid';
}

/** The stored key with its masked secret (`ABCDE****`); the plain key is never kept. */
export function toApiSetupKey(key: SetupKey, now: number): ApiSetupKey {
  return {
    id: key.id,
    key: key.keySecret,
    name: key.name,
    expires: apiTime(key.expiresAt),
    type: key.type,
    valid: isSetupKeyValid(key, now),
    revoked: key.revoked,
    used_times: key.usedTimes,
    last_used: apiTime(key.lastUsed),
    state: setupKeyState(key, now),
    auto_groups: [...key.autoGroups],
    updated_at: apiTime(key.updatedAt),
    usage_limit: key.usageLimit,
    ephemeral: key.ephemeral,
    allow_extra_dns_labels: key.allowExtraDnsLabels,
  };
}

/** The creation answer: the same shape with the plain key, shown this once. */
export function toApiSetupKeyClear(key: SetupKey, plainKey: string, now: number): ApiSetupKey {
  return { ...toApiSetupKey(key, now), key: plainKey };
}
