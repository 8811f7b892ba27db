import type { DomainDeps } from '../domain-deps.js';
import { internal, preconditionFailed, type RoostError } from '../errors.js';
import type { Peer } from '../model.js';
import { isUniqueViolation } from '../ports/unique-violation.js';
import { cryptoRandom } from '../random.js';
import { transact, type DomainTx } from '../transact.js';
import { parseDomainLabel, registrationDnsLabel } from './dns-label.js';
import { randomPeerIp } from './random-peer-ip.js';

/** Attempts at a free IP and DNS label before giving up (SEMANTICS.md §3.3 step 7). */
export const MAX_REGISTRATION_ATTEMPTS = 10;

export const alreadyRegistered = (): RoostError => preconditionFailed('peer has been already registered');

export interface FreeAddressPlan<R> {
  /** The account network (CIDR) the IP is drawn from. */
  readonly net: string;
  readonly hostname: string;
  readonly ephemeral: boolean;
  /** The new peer at this IP and DNS label. */
  build(ip: string, dnsLabel: string): Peer;
  /** One attempt's transaction: insert the peer and whatever goes with it. */
  insert(tx: DomainTx, peer: Peer): Promise<R>;
}

/**
 * The allocation loop of every registration (SEMANTICS.md §3.3–3.5): a random IP of the account
 * network and the hostname's DNS label (IP-suffixed for ephemeral peers and on retries), one
 * transaction per attempt; a taken IP or label tries again, a taken WireGuard key is
 * PreconditionFailed "peer has been already registered".
 */
export async function insertAtFreeAddress<R>(deps: DomainDeps, plan: FreeAddressPlan<R>): Promise<R> {
  const base = parseDomainLabel(plan.hostname);
  for (let attempt = 0; attempt < MAX_REGISTRATION_ATTEMPTS; attempt++) {
    const ip = randomPeerIp(plan.net, deps.random ?? cryptoRandom);
    const peer = plan.build(ip, registrationDnsLabel(base, ip, { ephemeral: plan.ephemeral, attempt }));
    try {
      return await transact(deps, (tx) => plan.insert(tx, peer));
    } catch (err) {
      if (isUniqueViolation(err, 'peer-ip', 'peer-dns-label')) continue;
      if (isUniqueViolation(err, 'peer-key')) throw alreadyRegistered();
      throw err;
    }
  }
  throw internal(`failed to add peer: no free IP and DNS label after ${MAX_REGISTRATION_ATTEMPTS} attempts`);
}
