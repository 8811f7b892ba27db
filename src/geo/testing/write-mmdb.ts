/**
 * A minimal MaxMind DB writer for tests: an IPv4 search tree (32-bit records) over the given
 * prefixes and a data section of maps, strings and unsigned integers — enough to build
 * City-layout databases the real reader (`mmdb-lib`) opens. Not for production data.
 */

type Value = string | number | boolean | readonly Value[] | { readonly [k: string]: Value };

const METADATA_MARKER = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');

function control(type: number, size: number): Buffer {
  const head = type <= 7 ? [type << 5] : [0, type - 7];
  const sizeBytes: number[] = [];
  let bits: number;
  if (size < 29) bits = size;
  else if (size < 285) [bits, sizeBytes[0]] = [29, size - 29];
  else if (size < 65_821) [bits, sizeBytes[0], sizeBytes[1]] = [30, (size - 285) >> 8, (size - 285) & 0xff];
  else throw new Error('value too large for this writer');
  head[0]! |= bits;
  return Buffer.from(type <= 7 ? [...head, ...sizeBytes] : [head[0]!, head[1]!, ...sizeBytes]);
}

function uintBytes(n: number): Buffer {
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return Buffer.from(out);
}

/** MaxMind DB data-section encoding of one value. */
export function encodeValue(v: Value): Buffer {
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    return Buffer.concat([control(2, b.length), b]);
  }
  if (typeof v === 'boolean') return control(14, v ? 1 : 0);
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`unsupported number ${v}`);
    const b = uintBytes(v);
    return Buffer.concat([control(6, b.length), b]);
  }
  if (Array.isArray(v)) return Buffer.concat([control(11, v.length), ...v.map(encodeValue)]);
  const entries = Object.entries(v as Record<string, Value>);
  return Buffer.concat([control(7, entries.length), ...entries.flatMap(([k, x]) => [encodeValue(k), encodeValue(x)])]);
}

/** Builds the database bytes; a later network overrides an earlier one it overlaps only where it is more specific. */
export function writeMmdb(networks: readonly { readonly cidr: string; readonly record: Value }[], databaseType = 'GeoLite2-City'): Buffer {
  const nodes: [number, number][] = [[-1, -1]];
  const data: Buffer[] = [];
  let dataSize = 0;
  const leaves: { node: number; side: 0 | 1; offset: number }[] = [];
  for (const { cidr, record } of networks) {
    const [ip, len] = cidr.split('/') as [string, string];
    const addr = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const bits = Number(len);
    if (bits < 1) throw new Error('prefix length must be at least 1');
    const encoded = encodeValue(record);
    const offset = dataSize;
    data.push(encoded);
    dataSize += encoded.length;
    let node = 0;
    for (let depth = 0; depth < bits; depth++) {
      const side = ((addr >>> (31 - depth)) & 1) as 0 | 1;
      if (depth === bits - 1) {
        leaves.push({ node, side, offset });
        break;
      }
      let next = nodes[node]![side];
      if (next < 0) {
        next = nodes.length;
        nodes.push([-1, -1]);
        nodes[node]![side] = next;
      }
      node = next;
    }
  }
  const nodeCount = nodes.length;
  const records = nodes.map(([l, r]) => [l < 0 ? nodeCount : l, r < 0 ? nodeCount : r] as [number, number]);
  for (const { node, side, offset } of leaves) records[node]![side] = nodeCount + 16 + offset;
  const tree = Buffer.alloc(nodeCount * 8);
  records.forEach(([l, r], i) => {
    tree.writeUInt32BE(l, i * 8);
    tree.writeUInt32BE(r, i * 8 + 4);
  });
  const metadata = encodeValue({
    node_count: nodeCount,
    record_size: 32,
    ip_version: 4,
    database_type: databaseType,
    languages: ['en'],
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: 1_700_000_000,
    description: { en: 'Roost test database' },
  });
  return Buffer.concat([tree, Buffer.alloc(16), ...data, METADATA_MARKER, metadata]);
}
