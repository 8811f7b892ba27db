import { randomBytes } from 'node:crypto';

/** Injected identity (STYLE.md habit 12). */
export interface IdGenerator {
  /** A new object ID: 20 characters of base32hex, like upstream's xid strings. */
  next(): string;
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * xid-shaped IDs: 4 bytes of seconds, then 8 random bytes (upstream uses machine id, pid and a
 * counter; randomness gives the same uniqueness without process state), base32hex encoded.
 */
export const xidGenerator: IdGenerator = {
  next(): string {
    const b = Buffer.alloc(12);
    b.writeUInt32BE(Math.floor(Date.now() / 1000) >>> 0, 0);
    randomBytes(8).copy(b, 4);
    let out = '';
    let acc = 0;
    let bits = 0;
    for (const byte of b) {
      acc = (acc << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        out += BASE32HEX[(acc >>> (bits - 5)) & 31];
        bits -= 5;
      }
      acc &= (1 << bits) - 1;
    }
    if (bits > 0) out += BASE32HEX[(acc << (5 - bits)) & 31];
    return out;
  },
};
