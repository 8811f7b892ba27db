import type { Clock } from '../domain/clock.js';
import type { IdpRepository } from '../store/index.js';

/** What oidc-provider stores per record (only the fields this adapter indexes). */
interface Payload {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: unknown;
  [key: string]: unknown;
}

/** Records without an expiry (none in practice) are kept this long. */
const DEFAULT_TTL_S = 14 * 24 * 3600;

/**
 * oidc-provider's Adapter over the store: one class per model (Session, Grant, AccessToken,
 * AuthorizationCode, RefreshToken, DeviceCode, Interaction, ...), each record opaque JSON keyed
 * by (model, id) with its grant, user code and uid indexed. A restart or another process on the
 * same store sees the same sessions and tokens.
 */
export function storeAdapter(repo: IdpRepository, clock: Clock) {
  return class StoreAdapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: Payload, expiresIn: number): Promise<void> {
      const expiresAtMs = clock.now() + (expiresIn > 0 ? expiresIn : DEFAULT_TTL_S) * 1000;
      await repo.upsertPayload(this.model, id, JSON.stringify(payload), { grantId: payload.grantId, userCode: payload.userCode, uid: payload.uid, expiresAtMs });
    }

    find(id: string): Promise<Payload | undefined> {
      return this.read(id, 'id');
    }

    findByUserCode(userCode: string): Promise<Payload | undefined> {
      return this.read(userCode, 'user_code');
    }

    findByUid(uid: string): Promise<Payload | undefined> {
      return this.read(uid, 'uid');
    }

    async consume(id: string): Promise<void> {
      await repo.consumePayload(this.model, id, clock.now());
    }

    async destroy(id: string): Promise<void> {
      await repo.destroyPayload(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await repo.revokeGrant(grantId);
    }

    private async read(key: string, by: 'id' | 'user_code' | 'uid'): Promise<Payload | undefined> {
      const row = await repo.findPayload(this.model, key, clock.now(), by);
      if (!row) return undefined;
      const payload = JSON.parse(row.payload) as Payload;
      // The library reads `consumed` as "already used" (codes are single-use, RFC 6749 §4.1.2).
      return row.consumedAtMs === undefined ? payload : { ...payload, consumed: Math.floor(row.consumedAtMs / 1000) };
    }
  };
}
