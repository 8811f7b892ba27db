import type { ChangeScope } from './pending-changes.js';
import type { DomainTx } from './transact.js';

/**
 * Every kind of change that can alter some peer's network map — the one list (SEMANTICS.md
 * §5.1, widened: we also bump where upstream pushes without bumping, so a serial always
 * identifies map content). Each entry has a test proving it moves the serial by exactly one.
 */
export const MAP_RELEVANT_CHANGES = [
  'peer-added',
  'peer-deleted',
  'peer-renamed',
  'peer-updated',
  'peer-ip-changed',
  'peer-ssh-key-changed',
  'peer-meta-changed',
  'peer-login-expired',
  'group-created',
  'group-updated',
  'group-peers-changed',
  'group-deleted',
  'policy-created',
  'policy-updated',
  'policy-deleted',
  'posture-check-updated',
  'posture-check-deleted',
  'route-created',
  'route-updated',
  'route-deleted',
  'nameserver-group-created',
  'nameserver-group-updated',
  'nameserver-group-deleted',
  'dns-settings-updated',
  'dns-zone-updated',
  'dns-zone-deleted',
  'dns-record-created',
  'dns-record-updated',
  'dns-record-deleted',
  'account-settings-updated',
  'user-created',
  'user-updated',
  'user-deleted',
  'network-deleted',
  'network-resource-created',
  'network-resource-updated',
  'network-resource-deleted',
  'network-router-created',
  'network-router-updated',
  'network-router-deleted',
] as const;

export type MapRelevantChange = (typeof MAP_RELEVANT_CHANGES)[number];

/**
 * Advances the account's serial by one inside `tx` (`network_serial = network_serial + 1`)
 * and records the change for publication after commit. A transaction bumps an account at
 * most once: later calls only widen the recorded scope, so one committed change is +1.
 * Returns the account's new serial.
 */
export async function bumpSerial(tx: DomainTx, accountId: string, kind: MapRelevantChange, scope: ChangeScope = { peers: 'all' }): Promise<number> {
  const already = tx.changes.serialOf(accountId);
  if (already !== undefined) {
    tx.changes.merge(accountId, kind, scope);
    return already;
  }
  const serial = await tx.accounts.incrementSerial(accountId);
  tx.changes.record(accountId, serial, kind, scope);
  return serial;
}
