import type { Migration } from 'kysely';
import { initialSchema } from './0001-initial-schema.js';
import { peerLoginGeneration } from './0002-peer-login-generation.js';
import { embeddedIdp } from './0005-embedded-idp.js';
import { serverSecrets } from './0006-server-secrets.js';
import { userInvites } from './0007-user-invites.js';
import { networks } from './0008-networks.js';
import { auditEvents } from './0010-audit-events.js';
import { dnsZonesGeo } from './0009-dns-zones-geo.js';

/**
 * Every migration, in order, keyed by a name that sorts by version. Append only: a released
 * migration is never edited; a schema change is a new entry.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial-schema': initialSchema,
  '0002-peer-login-generation': peerLoginGeneration,
  '0005-embedded-idp': embeddedIdp,
  '0006-server-secrets': serverSecrets,
  '0007-user-invites': userInvites,
  '0008-networks': networks,
  '0010-audit-events': auditEvents,
  '0009-dns-zones-geo': dnsZonesGeo,
};
