import type { Clock } from '../domain/clock.js';
import { internal, invalidArgument, permissionDenied, preconditionFailed, RoostError } from '../domain/errors.js';
import type { Peer, PeerMeta } from '../domain/model.js';
import type { ChecksConfig, PeerConfig } from '../netmap/network-map.js';
import { peerConfigOf } from '../netmap/compute-network-map.js';
import { resolveDnsDomain } from '../netmap/peer-fqdn.js';
import { postureChecksFor, toChecksConfig } from '../netmap/posture-checks-for.js';
import type { AccountMaps } from './account-maps.js';
import { fullControlConfig, type ControlConfig, type ServicesSettings } from './control-config.js';
import { jwtLoginUser, type JwtLoginPorts } from './jwt-login-user.js';
import type { PeerSyncCache, SessionPeers } from './sync-ports.js';

/** Registration and login of known peers, as the domain offers them (owned here). */
export interface LoginPeers extends Pick<SessionPeers, 'findPeerByKey' | 'getAccount'> {
  registerPeer(input: { setupKey: string; key: string; meta: PeerMeta; sshKey: string; extraDnsLabels: readonly string[]; connectionIp?: string }): Promise<{ peer: Peer }>;
  registerSsoPeer(input: { userId: string; key: string; meta: PeerMeta; sshKey: string; extraDnsLabels: readonly string[]; connectionIp?: string }): Promise<{ peer: Peer }>;
  loginPeer(input: { peer: Peer; meta: PeerMeta; sshKey: string; extraDnsLabels: readonly string[]; jwtUserId?: string }): Promise<Peer>;
}

export interface LoginRequest {
  readonly peerKey: string;
  readonly setupKey: string;
  /** Undefined when the request carried no meta (refused, as upstream). */
  readonly meta: PeerMeta | undefined;
  readonly sshKey: string;
  readonly dnsLabels: readonly string[];
  readonly jwtToken: string;
  readonly connectionIp: string;
}

export interface LoginResult {
  readonly config: ControlConfig;
  readonly peerConfig: PeerConfig;
  readonly checks: readonly ChecksConfig[];
}

export interface LoginServiceDeps {
  readonly peers: LoginPeers;
  readonly maps: AccountMaps;
  readonly cache: PeerSyncCache | null;
  readonly services: ServicesSettings;
  readonly clock: Clock;
  /** The server's DNS domain (the account setting overrides it). */
  readonly dnsDomain: string;
  readonly observe?: (result: string, seconds: number, accountId: string) => void;
  /** SSO: how a `jwtToken` becomes its user; absent when no IdP is configured. */
  readonly sso?: JwtLoginPorts & { readonly retryDelayMs?: number };
  readonly log?: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
}

/**
 * Login (SEMANTICS.md §3): a `jwtToken` is turned into its user first (validated, provisioned,
 * gated, groups synced — IDENTITY.md §2.6); unknown peer with neither a JWT user nor a setup key
 * → PermissionDenied (the client's cue to sign in or retry with its key); with a JWT user → an
 * SSO peer (the JWT wins over the key, which clients fill with the nil UUID); with a key →
 * registration; known peer → meta/SSH update, and with a JWT the owner checks and renewal. Every
 * successful Login drops the peer's fast-path entry, whatever the switch says, so the next Sync
 * is full (SSH-key rotation, re-registration, approval changes).
 */
export class LoginService {
  constructor(private readonly deps: LoginServiceDeps) {}

  async login(req: LoginRequest): Promise<LoginResult> {
    const t0 = performance.now();
    let accountId = '';
    try {
      const result = await this.loginUnobserved(req, (id) => (accountId = id));
      this.deps.observe?.('ok', (performance.now() - t0) / 1000, accountId);
      return result;
    } catch (err) {
      this.deps.observe?.(RoostError.from(err).kind, (performance.now() - t0) / 1000, accountId);
      throw err;
    }
  }

  private async loginUnobserved(req: LoginRequest, accountOf: (id: string) => void): Promise<LoginResult> {
    const { deps } = this;
    if (!req.meta) throw preconditionFailed('peer system meta has to be provided to log in');
    const jwtUserId = req.jwtToken === '' ? '' : await this.jwtUserId(req);
    const known = await deps.peers.findPeerByKey(req.peerKey);
    let peer: Peer;
    if (known) {
      peer = await deps.peers.loginPeer({ peer: known, meta: req.meta, sshKey: req.sshKey, extraDnsLabels: req.dnsLabels, jwtUserId });
    } else if (jwtUserId !== '') {
      ({ peer } = await deps.peers.registerSsoPeer({ userId: jwtUserId, key: req.peerKey, meta: req.meta, sshKey: req.sshKey, extraDnsLabels: req.dnsLabels, connectionIp: req.connectionIp }));
    } else {
      if (req.setupKey === '') throw permissionDenied('no peer auth method provided, please use a setup key or interactive SSO login');
      ({ peer } = await deps.peers.registerPeer({
        setupKey: req.setupKey,
        key: req.peerKey,
        meta: req.meta,
        sshKey: req.sshKey,
        extraDnsLabels: req.dnsLabels,
        connectionIp: req.connectionIp,
      }));
    }
    accountOf(peer.accountId);
    const how = jwtUserId !== '' ? 'sso' : known ? 'known peer' : 'setup key';
    deps.log?.info?.(
      { peerId: peer.id, accountId: peer.accountId, name: peer.name, clientVersion: req.meta.netbirdVersion, os: req.meta.goOS, registered: !known, via: how },
      `peer ${known ? 'logged in' : 'registered'}: ${peer.name} (${req.meta.netbirdVersion || 'unknown version'}, ${how})`,
    );
    await deps.cache?.delete(req.peerKey);
    return { config: fullControlConfig(deps.services, deps.clock.now(), false), ...(await this.peerView(peer)) };
  }

  private async jwtUserId(req: LoginRequest): Promise<string> {
    const { sso, log } = this.deps;
    if (!sso) throw invalidArgument('SSO login is not configured on this server; use a setup key');
    return (await jwtLoginUser(sso, req.jwtToken, { retryDelayMs: sso.retryDelayMs, log, peerKey: req.peerKey })).id;
  }

  /**
   * PeerConfig and Checks for the answer. With a current snapshot at hand they come from the
   * full map. Otherwise — typically a registration, which just moved the serial — they are
   * built from the peer and account alone, so a registration storm costs no snapshot load per
   * peer: clients take only the address and FQDN from Login, and the first Sync message carries
   * the authoritative PeerConfig and Checks (policy-enabled SSH included).
   */
  private async peerView(peer: Peer): Promise<Pick<LoginResult, 'peerConfig' | 'checks'>> {
    const { deps } = this;
    const account = await deps.peers.getAccount(peer.accountId);
    if (!account) throw internal(`account ${peer.accountId} of peer ${peer.id} not found`);
    const cached = deps.maps.peek(peer.accountId);
    const known = cached?.peers.some((p) => p.id === peer.id) ?? false;
    if (cached && known && cached.account.network.serial === account.network.serial) {
      const map = deps.maps.compute(cached, peer.id);
      if (map.peerConfig) return { peerConfig: map.peerConfig, checks: map.checks };
    }
    return {
      peerConfig: peerConfigOf({ account }, peer, resolveDnsDomain(account.settings, deps.dnsDomain), false),
      checks: cached && known ? postureChecksFor(cached, peer.id).map(toChecksConfig) : [],
    };
  }
}
