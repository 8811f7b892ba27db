/**
 * Builders for store and domain suites: deterministic-enough accounts, peers, keys, and a
 * deps object whose clock, IDs and bus the test controls.
 */
import { randomBytes } from 'node:crypto';
import { InProcessChangeBus, type AccountChange } from '../../src/domain/change-bus.js';
import { ManualClock } from '../../src/domain/clock.js';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../src/domain/accounts/default-account-settings.js';
import { defaultPolicy } from '../../src/domain/accounts/default-policy.js';
import type { DomainDeps } from '../../src/domain/domain-deps.js';
import { xidGenerator } from '../../src/domain/id-generator.js';
import { ALL_GROUP_NAME, type Account, type Peer, type PeerMeta } from '../../src/domain/model.js';
import { makePeerMeta } from '../../src/domain/peer-meta.js';
import type { Store } from '../../src/store/index.js';

export interface TestDeps extends DomainDeps {
  readonly store: Store;
  readonly clock: ManualClock;
  /** Every change published on the bus, in order. */
  readonly published: AccountChange[];
}

export function testDeps(store: Store): TestDeps {
  const bus = new InProcessChangeBus();
  const published: AccountChange[] = [];
  bus.subscribe((c) => published.push(c));
  return { store, bus, clock: new ManualClock(), ids: xidGenerator, published };
}

/** A random WireGuard-shaped public key. */
export const wgKey = (): string => randomBytes(32).toString('base64');

export interface SeededAccount {
  readonly account: Account;
  readonly allGroupId: string;
  readonly ownerId: string;
}

/** An account with owner, `All` and the Default policy, its /16 chosen by `octet` (0..255). */
export async function seedAccount(deps: TestDeps, octet = Math.floor(Math.random() * 256)): Promise<SeededAccount> {
  const id = deps.ids.next();
  const ownerId = deps.ids.next();
  const allGroupId = deps.ids.next();
  const account: Account = {
    id,
    createdBy: ownerId,
    createdAt: deps.clock.now(),
    domain: '',
    network: { identifier: deps.ids.next(), net: `10.${octet}.0.0/16`, serial: 0 },
    settings: DEFAULT_ACCOUNT_SETTINGS,
    dnsSettings: { disabledManagementGroups: [] },
  };
  await deps.store.withTx(async (tx) => {
    await tx.accounts.insert(account);
    await tx.users.insert({
      id: ownerId, accountId: id, role: 'owner', isServiceUser: false, name: 'owner', email: 'o@example.com', autoGroups: [],
      blocked: false, pendingApproval: false, issued: 'api', lastLogin: null, createdAt: deps.clock.now(),
    });
    await tx.groups.insert({ id: allGroupId, accountId: id, name: ALL_GROUP_NAME, issued: 'api', peers: [] });
    await tx.policies.insert(defaultPolicy(id, deps.ids.next(), allGroupId));
  });
  return { account, allGroupId, ownerId };
}

export function meta(over: Partial<PeerMeta> = {}): PeerMeta {
  return makePeerMeta({ hostname: 'host', goOS: 'linux', kernel: 'Linux', os: 'Debian', netbirdVersion: '0.60.0', ...over });
}

/** A peer row for direct repository tests (not registered through the domain). */
export function peerRow(accountId: string, over: Partial<Peer> = {}): Peer {
  const n = Math.floor(Math.random() * 60_000) + 2;
  return {
    id: xidGenerator.next(),
    accountId,
    key: wgKey(),
    ip: `10.0.${n >> 8}.${n & 255}`,
    name: `peer-${n}`,
    dnsLabel: `peer-${n}`,
    extraDnsLabels: [],
    allowExtraDnsLabels: false,
    meta: meta({ hostname: `peer-${n}` }),
    connected: false,
    lastSeen: 1_700_000_000_000,
    loginExpired: false,
    requiresApproval: false,
    userId: '',
    sshKey: '',
    sshEnabled: false,
    loginExpirationEnabled: false,
    inactivityExpirationEnabled: false,
    lastLogin: 1_700_000_000_000,
    createdAt: 1_700_000_000_000,
    ephemeral: false,
    connectionIp: '',
    loginGeneration: 0,
    ...over,
  };
}
