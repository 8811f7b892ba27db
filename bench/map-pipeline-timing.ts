/**
 * Timing script (not a test): the server's per-peer cost of one full map in an allow-all
 * account of N peers, stage by stage — compute, encode (spliced elements), seal — in-process,
 * with no transport. Run: node --import tsx bench/map-pipeline-timing.ts 5000 [maps]
 */
import { accountBuilder } from '../src/netmap/fixtures/account-builder.js';
import { computeNetworkMap } from '../src/netmap/compute-network-map.js';
import { ServerEnvelope } from '../src/crypto/envelope.js';
import { generateWgKeyPair, formatWgKey } from '../src/crypto/wg-key.js';
import { createPieceSealer, createSealer } from '../src/grpc/create-sealer.js';
import { FramePool } from '../src/grpc/frame-pool.js';
import { encodeSyncMessage, syncMessagePieces } from '../src/grpc/to-wire/encode-sync-message.js';
import { WireElementCache } from '../src/grpc/to-wire/wire-element-cache.js';

/** This process's CPU time (all threads, GC included), ms: the machine may be shared, wall time is noise. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const n = Number(process.argv[2] ?? 5000);
const maps = Number(process.argv[3] ?? 200);
const b = accountBuilder();
for (let i = 0; i < n; i++) b.peer(`peer-${String(i).padStart(6, '0')}`, { key: formatWgKey(generateWgKeyPair().publicKey) });
const snapshot = b.allowAll().build();
const ids = snapshot.peers.map((p) => p.id);
const envelope = new ServerEnvelope(generateWgKeyPair());
const seal = createSealer(envelope);
const sealPieces = createPieceSealer(envelope);
const frames = new FramePool();
const sealReused = createPieceSealer(envelope, (size) => frames.take(size));
const cache = new WireElementCache();
const now = Date.now();
const t = { compute: 0, encode: 0, seal: 0, inPlace: 0, reused: 0, bytes: 0 };
for (let k = 0; k < maps; k++) {
  const peer = snapshot.peers[k % n]!;
  const t0 = cpuMs();
  const map = computeNetworkMap({ snapshot, peerId: ids[k % n]!, now, dnsDomain: 'netbird.selfhosted' });
  const t1 = cpuMs();
  const inner = encodeSyncMessage({ config: null, map, checks: map.checks }, cache);
  const t2 = cpuMs();
  const out = seal(peer.key, inner);
  const t3 = cpuMs();
  sealPieces(peer.key, syncMessagePieces({ config: null, map, checks: map.checks }, cache));
  const t4 = cpuMs();
  // As the session adapter does once the transport has written the frame.
  frames.release(sealReused(peer.key, syncMessagePieces({ config: null, map, checks: map.checks }, cache)));
  const t5 = cpuMs();
  if (k > 0) {
    t.reused += t5 - t4;
    t.inPlace += t4 - t3;
    t.compute += t1 - t0;
    t.encode += t2 - t1;
    t.seal += t3 - t2;
    t.bytes += out.length;
  }
}
const per = (x: number) => (x / (maps - 1)).toFixed(2);
console.log(`${n} peers, ${maps - 1} maps: compute ${per(t.compute)} ms, encode ${per(t.encode)} ms, seal ${per(t.seal)} CPU ms per map (encode + seal in place: ${per(t.inPlace)}, into a reused buffer: ${per(t.reused)}); ${(t.bytes / (maps - 1) / 1024).toFixed(0)} KiB per map`);
