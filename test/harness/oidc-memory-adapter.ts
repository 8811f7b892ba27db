type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string };

interface Entry {
  readonly payload: Payload;
  /** Epoch ms; undefined = no expiry. */
  readonly expiresAtMs: number | undefined;
}

/**
 * oidc-provider storage for one test provider, kept across the Provider rebuilds key rotation
 * does. The library's own memory adapter is process-wide and not exported; this one is private to
 * its harness so parallel providers never see each other's sessions or codes.
 */
export class OidcMemoryAdapter {
  private readonly entries = new Map<string, Entry>();

  /** The `adapter` option: one view per model name, all on this storage. */
  factory(): (model: string) => object {
    return (model) => this.forModel(model);
  }

  private forModel(model: string) {
    const key = (id: string) => `${model}:${id}`;
    const find = async (id: string | undefined): Promise<Payload | undefined> => (id === undefined ? undefined : this.get(key(id)));
    return {
      upsert: async (id: string, payload: Payload, expiresIn?: number) => {
        const expiresAtMs = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined;
        this.entries.set(key(id), { payload, expiresAtMs });
        if (model === 'Session' && typeof payload.uid === 'string') this.entries.set(`sessionUid:${payload.uid}`, { payload: { id }, expiresAtMs });
        if (typeof payload.userCode === 'string') this.entries.set(`userCode:${payload.userCode}`, { payload: { id }, expiresAtMs });
      },
      find,
      findByUid: async (uid: string) => find(this.get(`sessionUid:${uid}`)?.id as string | undefined),
      findByUserCode: async (userCode: string) => find(this.get(`userCode:${userCode}`)?.id as string | undefined),
      consume: async (id: string) => {
        const p = this.get(key(id));
        if (p) p.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id: string) => {
        this.entries.delete(key(id));
      },
      revokeByGrantId: async (grantId: string) => {
        for (const [k, e] of this.entries) if (e.payload.grantId === grantId) this.entries.delete(k);
      },
    };
  }

  private get(k: string): Payload | undefined {
    const e = this.entries.get(k);
    if (!e) return undefined;
    if (e.expiresAtMs !== undefined && e.expiresAtMs <= Date.now()) {
      this.entries.delete(k);
      return undefined;
    }
    return e.payload;
  }
}
