import { create } from '@bufbuild/protobuf';
import { HostConfig_Protocol, NetbirdConfigSchema, type NetbirdConfig } from '../../gen/management_pb.js';
import type { HostProto } from '../../config/management-json.js';
import type { ControlConfig, HostRef } from '../../sync/control-config.js';

const PROTOCOL: Record<HostProto, HostConfig_Protocol> = {
  udp: HostConfig_Protocol.UDP,
  tcp: HostConfig_Protocol.TCP,
  http: HostConfig_Protocol.HTTP,
  https: HostConfig_Protocol.HTTPS,
  dtls: HostConfig_Protocol.DTLS,
};

const host = (h: HostRef) => ({ uri: h.uri, protocol: PROTOCOL[h.proto] });

/** NetbirdConfig on the wire; absent parts stay absent (an absent relay switches relay off). */
export function controlConfigToWire(c: ControlConfig): NetbirdConfig {
  return create(NetbirdConfigSchema, {
    stuns: c.stuns.map(host),
    turns: c.turns.map((t) => ({ hostConfig: host(t.host), user: t.user, password: t.password })),
    signal: c.signal ? host(c.signal) : undefined,
    relay: c.relay ? { urls: [...c.relay.urls], tokenPayload: c.relay.tokenPayload, tokenSignature: c.relay.tokenSignature } : undefined,
  });
}
