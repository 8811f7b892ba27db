/**
 * A full Sync answer carries its peer list once, inside NetworkMap (issue #17 item 1): the
 * deprecated top-level SyncResponse.remotePeers copy is gone. Every client since v0.20 reads
 * only NetworkMap.remotePeers (client/internal/engine.go, handleSync → updateNetworkMap), so
 * the answer is read here the way such a client reads it — by field number alone, with the
 * fields v0.20's proto knows — and must still give it its peers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFastPathServer } from '../harness/start-fast-path-server.js';
import { linuxMeta } from '../harness/test-agent.js';

type Field = { readonly no: number; readonly wire: number; readonly bytes?: Uint8Array; readonly varint?: bigint };

/** One level of protobuf wire format: every field, in order (length-delimited ones with their bytes). */
function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = buf[pos++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const no = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) out.push({ no, wire, varint: varint() });
    else if (wire === 2) {
      const len = Number(varint());
      out.push({ no, wire, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`wire type ${wire}`);
  }
  return out;
}

// v0.20's management.proto: SyncResponse 3 = remotePeers (deprecated copy), 4 = remotePeersIsEmpty,
// 5 = networkMap; NetworkMap 1 = serial, 3 = remotePeers, 4 = remotePeersIsEmpty;
// RemotePeerConfig 1 = wgPubKey, 2 = allowedIps.
const dec = new TextDecoder();
const peersOf = (networkMap: Uint8Array): string[] =>
  fields(networkMap)
    .filter((f) => f.no === 3 && f.wire === 2)
    .map((f) => dec.decode(fields(f.bytes!).find((g) => g.no === 1)!.bytes!));

test('a full answer carries the peers once, in NetworkMap, and an old client reading by field number finds them', async (t) => {
  const s = await startFastPathServer(t);
  const a = await s.enrol(linuxMeta('alpha'));
  const b = await s.enrol(linuxMeta('bravo'));
  const c = await s.enrol(linuxMeta('charlie'));
  const stream = await a.sync({ meta: linuxMeta('alpha') });
  t.after(() => stream.close());
  const decoded = await stream.next();
  const top = fields(stream.inners[0]!);

  assert.deepEqual(top.filter((f) => f.no === 3), [], 'no top-level remotePeers copy');
  const maps = top.filter((f) => f.no === 5);
  assert.equal(maps.length, 1, 'one NetworkMap');
  assert.deepEqual(peersOf(maps[0]!.bytes!).sort(), [b.publicKey, c.publicKey].sort());
  assert.ok((fields(maps[0]!.bytes!).find((f) => f.no === 1)?.varint ?? 0n) > 0n, 'serial set');

  // The generated (current) schema agrees.
  assert.deepEqual(decoded.remotePeers, []);
  assert.equal(decoded.networkMap!.remotePeers.length, 2);
  assert.equal(decoded.networkMap!.remotePeersIsEmpty, false);
});

test('a deleted peer still gets remotePeersIsEmpty = true, inside NetworkMap and at the top', async (t) => {
  const s = await startFastPathServer(t);
  const a = await s.enrol(linuxMeta('alpha'));
  await s.enrol(linuxMeta('bravo'));
  const stream = await a.sync({ meta: linuxMeta('alpha') });
  t.after(() => stream.close());
  await stream.next();
  await a.logout(); // deletes the peer: the stream gets the empty map, then ends
  const last = await stream.nextMatching((m) => m.networkMap?.remotePeersIsEmpty === true);
  assert.equal(last.remotePeersIsEmpty, true);
  const top = fields(stream.inners[stream.inners.length - 1]!);
  assert.deepEqual(top.filter((f) => f.no === 3), []);
  const isEmpty = fields(top.find((f) => f.no === 5)!.bytes!).find((f) => f.no === 4);
  assert.equal(isEmpty?.varint, 1n, 'NetworkMap.remotePeersIsEmpty on the wire');
});
