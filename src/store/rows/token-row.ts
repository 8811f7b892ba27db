import type { PersonalAccessToken } from '../../domain/model.js';
import type { PersonalAccessTokensTable } from '../schema/database.js';

export function tokenFromRow(r: PersonalAccessTokensTable): PersonalAccessToken {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    hashedToken: r.hashed_token,
    expiresAt: r.expires_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsed: r.last_used,
  };
}

export function tokenToRow(t: PersonalAccessToken): PersonalAccessTokensTable {
  return {
    id: t.id,
    user_id: t.userId,
    name: t.name,
    hashed_token: t.hashedToken,
    expires_at: t.expiresAt,
    created_by: t.createdBy,
    created_at: t.createdAt,
    last_used: t.lastUsed,
  };
}
