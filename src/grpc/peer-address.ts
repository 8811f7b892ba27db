/**
 * The caller's IP from grpc-js' `getPeer()` text (`1.2.3.4:5678`, `[::1]:5678`,
 * `ipv4:1.2.3.4:5678`); empty when it cannot be told.
 */
export function callerIp(peer: string): string {
  const p = peer.replace(/^ipv[46]:/, '');
  const v6 = /^\[([^\]]+)\]:\d+$/.exec(p);
  if (v6) return v6[1]!;
  const v4 = /^([^:]+):\d+$/.exec(p);
  return v4 ? v4[1]! : '';
}
