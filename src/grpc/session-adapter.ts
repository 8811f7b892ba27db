import { create, toBinary } from '@bufbuild/protobuf';
import { LoginResponseSchema } from '../gen/management_pb.js';
import type { ServerEnvelope } from '../crypto/envelope.js';
import { permissionDenied, preconditionFailed } from '../domain/errors.js';
import type { LoginService } from '../sync/login-service.js';
import type { SyncService } from '../sync/sync-service.js';
import type { SessionPeers } from '../sync/sync-ports.js';
import type { SyncMessage } from '../sync/sync-message.js';
import type { PeerConfig, SshJwtConfig } from '../netmap/network-map.js';
import type { GrpcSessionPorts } from './ports.js';
import { createPieceSealer, createSealer } from './create-sealer.js';
import { FramePool } from './frame-pool.js';
import { controlConfigToWire } from './to-wire/control-config-to-wire.js';
import { metaFromWire } from './to-wire/meta-from-wire.js';
import { peerConfigToWire } from './to-wire/network-map-to-wire.js';
import { syncMessagePieces } from './to-wire/encode-sync-message.js';
import { WireElementCache } from './to-wire/wire-element-cache.js';

const dec = new TextDecoder();

export interface SessionAdapterDeps {
  readonly envelope: ServerEnvelope;
  readonly login: LoginService;
  readonly sync: Pick<SyncService, 'run'>;
  readonly peers: Pick<SessionPeers, 'findPeerByKey' | 'syncPeerMeta'> & { deletePeer(accountId: string, peerId: string, by?: string): Promise<unknown> };
  /** JWTConfig for peers with SSH enabled (IDENTITY.md §2.7); null without SSO. */
  readonly sshJwt?: SshJwtConfig | null;
}

/** Login/Sync/SyncMeta/Logout: wire ⇄ session types; the sessions never see protobuf. */
export function createSessionAdapter(deps: SessionAdapterDeps): GrpcSessionPorts {
  const sealed = createSealer(deps.envelope);
  // Large maps are sealed into reused memory, laid out as gRPC frames (see FramePool).
  const frames = new FramePool();
  const sealedPieces = createPieceSealer(deps.envelope, (size) => frames.take(size));
  // Encoded remote peers, firewall rules and DNS records, shared by every map of one snapshot (weakly held).
  const elements = new WireElementCache();
  const withSshJwt = sshJwtAdder(deps.sshJwt ?? null);
  return {
    async login({ peerKey, message }, connectionIp) {
      const res = await deps.login.login({
        peerKey,
        setupKey: message.setupKey,
        meta: message.meta ? metaFromWire(message.meta) : undefined,
        sshKey: dec.decode(message.peerKeys?.sshPubKey ?? new Uint8Array()),
        dnsLabels: message.dnsLabels,
        jwtToken: message.jwtToken,
        connectionIp,
      });
      const out = create(LoginResponseSchema, {
        netbirdConfig: controlConfigToWire(res.config),
        peerConfig: peerConfigToWire(withSshJwt(res.peerConfig)),
        checks: res.checks.map((c) => ({ files: [...c.files] })),
      });
      return sealed(peerKey, toBinary(LoginResponseSchema, out));
    },

    async sync({ peerKey, message }, stream) {
      await deps.sync.run({
        peerKey,
        meta: metaFromWire(message.meta),
        hasMeta: message.meta !== undefined,
        connectionIp: stream.connectionIp,
        signal: stream.signal,
        send: (msg, ended, weigh) => {
          const bytes = sealedPieces(peerKey, syncMessagePieces(withSshJwtInMap(msg, withSshJwt), elements));
          weigh?.(bytes.length);
          // Written means handed to the socket: the memory may serve the next map. A failed write keeps it.
          return stream.write(bytes, ended).then(() => frames.release(bytes));
        },
        confirm: (ended) => stream.confirm(ended),
      });
    },

    async syncMeta({ peerKey, message }) {
      if (!message.meta) throw preconditionFailed('peer system meta has to be provided on sync');
      if (!(await deps.peers.findPeerByKey(peerKey))) throw permissionDenied('peer is not registered');
      await deps.peers.syncPeerMeta(peerKey, metaFromWire(message.meta));
    },

    async logout({ peerKey }) {
      const peer = await deps.peers.findPeerByKey(peerKey);
      if (!peer) throw permissionDenied('peer is not registered');
      // The audit log names the peer's user (SSO peers) or the peer itself as who logged out.
      await deps.peers.deletePeer(peer.accountId, peer.id, peer.userId || peer.id);
    },
  };
}


/** Adds the server's SSH JWTConfig to PeerConfigs with SSH enabled; the identity without one. */
function sshJwtAdder(sshJwt: SshJwtConfig | null): (c: PeerConfig) => PeerConfig {
  if (!sshJwt) return (c) => c;
  return (c) => (c.sshEnabled ? { ...c, sshJwt } : c);
}

/** `msg` with its map's PeerConfig passed through `add` (a shallow copy only when it changes). */
function withSshJwtInMap(msg: SyncMessage, add: (c: PeerConfig) => PeerConfig): SyncMessage {
  const pc = msg.map?.peerConfig;
  if (!msg.map || !pc) return msg;
  const next = add(pc);
  return next === pc ? msg : { ...msg, map: { ...msg.map, peerConfig: next } };
}
