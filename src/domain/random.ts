import { randomBytes, randomInt } from 'node:crypto';

/** Injected randomness (STYLE.md habit 12): IPs, networks, keys and tokens are testable. */
export interface Random {
  /** A uniform integer in [0, n). */
  int(n: number): number;
  bytes(n: number): Uint8Array;
}

export const cryptoRandom: Random = {
  int: (n) => randomInt(n),
  bytes: (n) => new Uint8Array(randomBytes(n)),
};
