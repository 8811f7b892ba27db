import bcrypt from 'bcryptjs';

/**
 * bcrypt, cost 10 (upstream's Dex uses the same, and `EmbeddedIdP.Owner.Hash` is one): a slow
 * hash in pure JavaScript, so nothing is built or downloaded at install. bcrypt reads at most 72
 * bytes, which is why setup refuses longer passwords.
 */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** False for a wrong password or an unreadable hash, never an exception. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/** A hash nobody's password matches, compared against for unknown e-mails so both take as long. */
export const DECOY_HASH = bcrypt.hashSync('roost-decoy-password', COST);
