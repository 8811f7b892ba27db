import type { PersonalAccessToken } from '../../domain/model.js';
import { apiTime } from './api-time.js';

/** OpenAPI `PersonalAccessToken`: never the hash, never the plain token. */
export interface ApiPersonalAccessToken {
  id: string;
  name: string;
  expiration_date: string;
  created_by: string;
  created_at: string;
  last_used?: string;
}

/** OpenAPI `PersonalAccessTokenGenerated`: the only answer that carries the plain token. */
export interface ApiPersonalAccessTokenGenerated {
  plain_token: string;
  personal_access_token: ApiPersonalAccessToken;
}

export function toApiPersonalAccessToken(t: PersonalAccessToken): ApiPersonalAccessToken {
  return {
    id: t.id,
    name: t.name,
    expiration_date: apiTime(t.expiresAt),
    created_by: t.createdBy,
    created_at: apiTime(t.createdAt),
    ...(t.lastUsed === null ? {} : { last_used: apiTime(t.lastUsed) }),
  };
}

export function toApiGeneratedToken(plainToken: string, token: PersonalAccessToken): ApiPersonalAccessTokenGenerated {
  return { plain_token: plainToken, personal_access_token: toApiPersonalAccessToken(token) };
}
