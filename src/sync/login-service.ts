import type { Clock } from '../domain/clock.js';
import { internal, invalidArgument, permissionDenied, preconditionFailed, RoostError } from '../domain/errors.js';
import type { Peer, PeerMeta } from '../domain/model.js';
import type { ChecksConfig, PeerConfig } from '../netmap/network-map.js';
import type { AccountMaps } from './account-maps.js';
import { fullControlConfig, type ControlConfig, type ServicesSettings } from './control-config.js';
import type { PeerSyncCache, SessionPeers } from './sync-ports.js';

/** Registration and login of known peers, as the domain offers them (owned here). */
export interface LoginPeers extends Pick<SessionPeers, 'findPeerByKey' | 'getAccountSerial'> {
  registerPeer(input: { setupKey: string; key: string; meta: PeerMeta; sshKey: string; extraDnsLabels: readonly string[]; connectionIp?: string }): Promise<{ peer: Peer }>;
  loginPeer(input: { peer: Peer; meta: PeerMeta; sshKey: string; extraDnsLabels: readonly string[] }): Promise<Peer>;
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
  readonly observe?: (result: string, seconds: number) => void;
}

/**
 * Login (SEMANTICS.md §3): unknown peer without a setup key → PermissionDenied (the client's cue
 * to retry with its key); with a key → registration; known peer → meta/SSH update. Every
 * successful Login drops the peer's fast-path entry, whatever the switch says, so the next Sync
 * is full (SSH-key rotation, re-registration, approval changes).
 */
export class LoginService {
  constructor(private readonly deps: LoginServiceDeps) {}

  async login(req: LoginRequest): Promise<LoginResult> {
    const t0 = performance.now();
    try {
      const result = await this.loginUnobserved(req);
      this.deps.observe?.('ok', (performance.now() - t0) / 1000);
      return result;
    } catch (err) {
      this.deps.observe?.(RoostError.from(err).kind, (performance.now() - t0) / 1000);
      throw err;
    }
  }

  private async loginUnobserved(req: LoginRequest): Promise<LoginResult> {
    const { deps } = this;
    if (!req.meta) throw preconditionFailed('peer system meta has to be provided to log in');
    if (req.jwtToken !== '') throw invalidArgument('SSO login is not configured on this server; use a setup key');
    const known = await deps.peers.findPeerByKey(req.peerKey);
    let peer: Peer;
    if (known) {
      peer = await deps.peers.loginPeer({ peer: known, meta: req.meta, sshKey: req.sshKey, extraDnsLabels: req.dnsLabels });
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
    await deps.cache?.delete(req.peerKey);
    const serial = (await deps.peers.getAccountSerial(peer.accountId)) ?? 0;
    const map = deps.maps.compute(await deps.maps.snapshot(peer.accountId, serial), peer.id);
    if (!map.peerConfig) throw internal(`peer ${peer.id} is missing from its account snapshot`);
    return { config: fullControlConfig(deps.services, deps.clock.now(), false), peerConfig: map.peerConfig, checks: map.checks };
  }
}
