import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmbeddedIdpSettings } from '../config/config.js';
import type { Clock } from '../domain/clock.js';
import type { JwksSource } from '../identity/jwt/http-jwks-source.js';
import { storeJwksSource } from '../identity/jwt/store-jwks-source.js';
import type { IdpRepository } from '../store/index.js';
import { LocalUsers } from './local-users.js';
import { AUDIENCES, providerConfiguration } from './provider-configuration.js';
import { SigningKeyRing, type KeySet } from './signing-key-ring.js';
import { storeAdapter } from './store-adapter.js';
import { handleInteraction } from './handle-interaction.js';
import { serveUserinfo, type UserinfoDeps } from './userinfo-endpoint.js';
import { createInstanceSetup, type InstanceSetup } from './instance-setup.js';
import { handleInvite, type InviteDeps, type InvitePort } from './handle-invite.js';
import { handleSetup } from './handle-setup.js';
import { takeToken, type Bucket, type BucketRule } from '../rest/routes/invite-rate-limit.js';

type ProviderModule = typeof import('oidc-provider');
type Provider = InstanceType<ProviderModule['Provider']>;

/** How often a process re-reads the keys (another process may have rotated them). */
const KEY_CHECK_MS = 30_000;
/** How often expired provider records are deleted (by whichever process gets there). */
const PRUNE_MS = 3600_000;
/** Bytes of a form body the sign-in page reads. */
const MAX_FORM_BYTES = 16 * 1024;
/** Client IPs the invite page's rate limit tracks at once; the oldest is forgotten beyond it. */
const MAX_TRACKED_IPS = 10_000;
/**
 * The invite page's limit per client IP: the JSON endpoints' rate (10 a minute), with room for
 * a person who mistypes a few times (a page view and each attempt are one request each).
 */
const INVITE_PAGE_RULE: BucketRule = { perMinute: 10, burst: 10 };

export interface EmbeddedIdpDeps {
  readonly settings: EmbeddedIdpSettings;
  readonly repo: IdpRepository;
  /** Insert-if-absent secrets shared by the processes on the store (the cookie key). */
  readonly secrets: { getOrCreate(name: string, candidate: () => string, now: number): Promise<string> };
  /** Whether the store holds any account (setup is for an empty instance only). */
  readonly hasAccounts: () => Promise<boolean>;
  /** The NetBird owner that has no login yet (made by `roost init`), to link `EmbeddedIdP.Owner` to. */
  readonly loginlessOwner?: () => Promise<string | undefined>;
  readonly clock: Clock;
  readonly log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
}

/**
 * The embedded OpenID provider mounted at the issuer's path (`/oauth2`) of the HTTP listener:
 * oidc-provider for the protocol, our pages for sign-in, keys and records in the store.
 */
export class EmbeddedIdp {
  private provider!: Provider;
  private providerHandler!: (req: IncomingMessage, res: ServerResponse) => void;
  private keys!: KeySet;
  private keysCheckedAt = 0;
  private prunedAt = 0;
  private keyCheck: Promise<void> | undefined;
  /**
   * oidc-provider, imported on the first request that needs it: a server nobody signs in to
   * does not carry the library and its provider (≈ 12 MiB of RSS at idle).
   */
  private lib: ProviderModule | undefined;
  private libLoading: Promise<void> | undefined;
  readonly mountPath: string;
  private readonly userinfo: UserinfoDeps;
  private invitePage: InviteDeps | undefined;

  private constructor(
    private readonly deps: EmbeddedIdpDeps,
    private readonly ring: SigningKeyRing,
    readonly users: LocalUsers,
    private readonly cookieKey: string,
    readonly setup: InstanceSetup,
  ) {
    this.mountPath = new URL(deps.settings.issuer).pathname.replace(/\/$/, '');
    this.userinfo = { issuer: deps.settings.issuer, audiences: AUDIENCES, publicJwks: () => ring.publicJwks(), claims: (sub) => this.claims(sub) };
  }

  /** What `findAccount` and `/userinfo` say about a local user; undefined once deleted. */
  private async claims(sub: string): Promise<Record<string, unknown> | undefined> {
    const u = await this.users.find(sub);
    return u && { sub: u.id, email: u.email, email_verified: true, name: u.name, preferred_username: u.username, groups: [] };
  }

  /** Creates or rotates keys, seeds `EmbeddedIdP.Owner`, decides `setup_required` (the library loads on first use). */
  static async create(deps: EmbeddedIdpDeps): Promise<EmbeddedIdp> {
    const ring = new SigningKeyRing({ repo: deps.repo, clock: deps.clock });
    const users = new LocalUsers({ repo: deps.repo, clock: deps.clock });
    if (deps.settings.owner) await users.seedOwner(deps.settings.owner, await deps.loginlessOwner?.());
    const cookieKey = await deps.secrets.getOrCreate('idp_cookie_key', () => randomBytes(32).toString('base64url'), deps.clock.now());
    const setup = await createInstanceSetup({ users, hasAccounts: deps.hasAccounts });
    const idp = new EmbeddedIdp(deps, ring, users, cookieKey, setup);
    idp.install(await ring.sync());
    return idp;
  }

  get issuer(): string {
    return this.deps.settings.issuer;
  }

  /** The validator's keys, read from the store (IDENTITY.md §2.2): no HTTP round trip to ourselves. */
  jwksSource(): JwksSource {
    return storeJwksSource(() => this.ring.publicJwks(), { clock: this.deps.clock });
  }

  /** Starts signing with a new key now; the previous ones stay published until their tokens expire. */
  async rotateKeys(): Promise<string> {
    this.install(await this.ring.sync({ forceRotation: true }));
    return this.keys.privateJwks[0]!.kid!;
  }

  /** Re-reads the keys (rotating when due) and rebuilds the provider when they changed. */
  async refreshKeys(): Promise<void> {
    const now = this.deps.clock.now();
    this.keysCheckedAt = now;
    const keys = await this.ring.sync();
    if (keys.fingerprint !== this.keys.fingerprint) this.install(keys);
    // Expired records (codes, sessions, tokens) are never read; they are removed now and then.
    if (now - this.prunedAt >= PRUNE_MS) {
      this.prunedAt = now;
      await this.deps.repo.pruneExpiredPayloads(now);
    }
  }

  /**
   * Serves the invite-accept page at `<mount>/invite?token=…` with these operations (the
   * embedded-user lifecycle, made after the provider), limited per client IP.
   */
  serveInvitePages(invites: InvitePort): void {
    const buckets = new Map<string, Bucket>();
    const allow = (ip: string) => {
      const { allowed, bucket } = takeToken(buckets.get(ip), this.deps.clock.now(), INVITE_PAGE_RULE);
      buckets.delete(ip);
      if (buckets.size >= MAX_TRACKED_IPS) buckets.delete(buckets.keys().next().value as string);
      buckets.set(ip, bucket);
      return allowed;
    };
    this.invitePage = { invites, allow, maxFormBytes: MAX_FORM_BYTES, action: `${this.mountPath}/invite`, ...this.signInLink(), log: this.deps.log };
  }

  /** The dashboard's address (the origin of its first redirect URI), where people sign in, if configured. */
  private signInLink(): { signInUrl?: string } {
    const dashboard = this.deps.settings.dashboardRedirectUris[0];
    return dashboard ? { signInUrl: `${new URL(dashboard).origin}/` } : {};
  }

  /** Node handler for every request under the mount path. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.deps.clock.now() - this.keysCheckedAt >= KEY_CHECK_MS && !this.keyCheck) {
      this.keyCheck = this.refreshKeys()
        .catch((err: unknown) => this.deps.log.warn({ err }, 'embedded idp: could not read the signing keys'))
        .finally(() => (this.keyCheck = undefined));
    }
    const url = req.url ?? '/';
    const rest = url.slice(this.mountPath.length) || '/';
    const provider = this.provider;
    if (rest.split('?', 1)[0] === '/userinfo') {
      void serveUserinfo(this.userinfo, req, res).catch((err: unknown) => {
        this.deps.log.warn({ err: { message: (err as Error).message } }, 'embedded idp: userinfo failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (rest.split('?', 1)[0] === '/setup') {
      void handleSetup({ setup: this.setup, maxFormBytes: MAX_FORM_BYTES, action: `${this.mountPath}/setup`, ...this.signInLink(), log: this.deps.log }, req, res);
      return;
    }
    if (rest.split('?', 1)[0] === '/invite' && this.invitePage) {
      void handleInvite(this.invitePage, req, res);
      return;
    }
    if (!this.lib) {
      this.libLoading ??= import('oidc-provider').then(
        (lib) => {
          this.lib = lib;
          this.install(this.keys);
        },
        (err: unknown) => {
          this.libLoading = undefined; // the next request tries again
          throw err;
        },
      );
      this.libLoading.then(
        () => this.handle(req, res),
        (err: unknown) => {
          this.deps.log.error({ err }, 'embedded idp: could not load oidc-provider');
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
      return;
    }
    if (rest.startsWith('/interaction/')) {
      void handleInteraction({ provider, users: this.users, maxFormBytes: MAX_FORM_BYTES, mountPath: this.mountPath, log: this.deps.log }, req, res, rest);
      return;
    }
    // Mounted as express would: the library derives its mount path from originalUrl vs url.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = rest;
    this.providerHandler(req, res);
  }

  /** Takes `keys`; builds the provider with them once the library is loaded. */
  private install(keys: KeySet): void {
    this.keys = keys;
    this.keysCheckedAt = this.deps.clock.now();
    if (!this.lib) return;
    const configuration = providerConfiguration({
      lib: this.lib,
      settings: this.deps.settings,
      keys: keys.privateJwks,
      cookieKeys: [this.cookieKey],
      adapter: storeAdapter(this.deps.repo, this.deps.clock),
      claims: (sub) => this.claims(sub),
    });
    const provider = new this.lib.Provider(this.deps.settings.issuer, configuration as never);
    // Behind a TLS-terminating proxy the public scheme comes from X-Forwarded-Proto.
    provider.proxy = true;
    provider.on('server_error', (_ctx: unknown, err: unknown) => this.deps.log.error({ err }, 'embedded idp: server error'));
    this.provider = provider;
    this.providerHandler = provider.callback();
  }
}
