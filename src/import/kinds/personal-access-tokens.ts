/** `personal_access_tokens`: hashes kept as stored, so the same plain tokens keep working. */
import type { PersonalAccessToken } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { fail } from '../values/map-error.js';

export const tokensImporter: KindImporter<PersonalAccessToken> = {
  kind: 'personal access tokens',
  table: 'personal_access_tokens',
  columns: ['id', 'user_id', 'name', 'hashed_token', 'expiration_date', 'created_by', 'created_at', 'last_used'],
  idOf: (r) => r.text('id'),
  map(r) {
    const hashedToken = r.text('hashed_token');
    if (Buffer.from(hashedToken, 'base64').length !== 32) fail('hashed_token', 'not a base64 SHA-256 hash');
    return {
      id: r.text('id'),
      userId: r.text('user_id'),
      name: r.text('name'),
      hashedToken,
      expiresAt: r.time('expiration_date'),
      createdBy: r.text('created_by'),
      createdAt: r.time('created_at'),
      lastUsed: r.timeOrNull('last_used'),
    };
  },
};
