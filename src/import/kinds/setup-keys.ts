/** `setup_keys`: hashes, usage, revoked and expiry kept, so used-up and dead keys stay refused. */
import type { SetupKey, SetupKeyType } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { oneOf, stringList } from '../values/json-shapes.js';
import { fail } from '../values/map-error.js';

const TYPES: readonly SetupKeyType[] = ['reusable', 'one-off'];

export const setupKeysImporter: KindImporter<SetupKey> = {
  kind: 'setup keys',
  table: 'setup_keys',
  columns: [
    'id',
    'account_id',
    'key',
    'key_secret',
    'name',
    'type',
    'created_at',
    'expires_at',
    'updated_at',
    'revoked',
    'used_times',
    'last_used',
    'auto_groups',
    'usage_limit',
    'ephemeral',
    'allow_extra_dns_labels',
  ],
  idOf: (r) => r.text('id'),
  map(r) {
    const keyHash = r.text('key');
    if (Buffer.from(keyHash, 'base64').length !== 32) fail('key', 'not a base64 SHA-256 hash (a pre-hashing plain key?)');
    const createdAt = r.time('created_at');
    return {
      id: r.text('id'),
      accountId: r.text('account_id'),
      keyHash,
      keySecret: r.text('key_secret'),
      name: r.text('name'),
      type: oneOf('type', r.text('type'), TYPES),
      createdAt,
      updatedAt: r.timeOrNull('updated_at') ?? createdAt,
      expiresAt: r.timeOrNull('expires_at'),
      revoked: r.flag('revoked'),
      usedTimes: r.int('used_times'),
      lastUsed: r.timeOrNull('last_used'),
      usageLimit: r.int('usage_limit'),
      autoGroups: stringList('auto_groups', r.json('auto_groups')),
      ephemeral: r.flag('ephemeral'),
      allowExtraDnsLabels: r.flag('allow_extra_dns_labels'),
    };
  },
};
