import { InProcessChangeBus } from '../src/domain/change-bus.js';
import { systemClock } from '../src/domain/clock.js';
import { ensureDefaultAccount } from '../src/domain/accounts/ensure-default-account.js';
import { DEFAULT_POLICY_NAME } from '../src/domain/accounts/default-policy.js';
import type { DomainDeps } from '../src/domain/domain-deps.js';
import { createGroupService } from '../src/domain/groups/group-service.js';
import { xidGenerator } from '../src/domain/id-generator.js';
import { createPolicyService } from '../src/domain/policies/policy-service.js';
import { createSetupKeyService } from '../src/domain/setup-keys/setup-key-service.js';
import { openStore } from '../src/store/index.js';
import { join } from 'node:path';
import { runRoost } from '../test/harness/serve-process.js';

/** `allow-all`: the Default policy only. `groups`: peers spread over groups, a policy per pair. */
export type PolicyMode = 'allow-all' | 'groups';

export interface SeededAccount {
  readonly accountId: string;
  /** Plain reusable setup keys; peer i registers with `setupKeys[i % length]`. */
  readonly setupKeys: readonly string[];
  readonly groups: number;
  readonly policies: number;
}

/** The policies of the `groups` mode: group i ↔ group i+1 (mod n), so every group has two neighbours. */
export function groupPairs(n: number): [number, number][] {
  if (n < 2) return [];
  if (n === 2) return [[0, 1]];
  return Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]);
}

/**
 * Runs `roost init --data-dir dir` (the account and owner), waits for it to exit 0 and returns
 * the personal access token it prints on its last line (for the REST API).
 */
export async function roostInit(dataDir: string): Promise<string> {
  const child = runRoost(['init', '--data-dir', dataDir]);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`roost init exited ${code}: ${out}`);
  const token = out.trim().split('\n').at(-1)?.trim() ?? '';
  if (!/^\S+$/.test(token)) throw new Error(`roost init printed no token: ${out}`);
  return token;
}

/**
 * Seeds the store `roost init` made, before the server starts (the server has no admin API
 * yet, and a change made by another process would not reach its streams anyway): reusable
 * setup keys, and for `groups` mode the groups, the pair policies and no Default policy.
 */
export async function seedBenchAccount(dataDir: string, mode: PolicyMode, groupCount = 50): Promise<SeededAccount> {
  const store = await openStore({ engine: 'sqlite', file: join(dataDir, 'store.db') });
  try {
    await store.migrate();
    const deps: DomainDeps = { store, bus: new InProcessChangeBus(), clock: systemClock, ids: xidGenerator };
    const { account } = await ensureDefaultAccount(deps);
    const keys = createSetupKeyService(deps);
    const newKey = async (name: string, autoGroups: string[]) => {
      const created = await keys.create(account.id, { name, type: 'reusable', expiresIn: 0, usageLimit: 0, autoGroups, ephemeral: false, allowExtraDnsLabels: false });
      return created.plainKey.toLowerCase();
    };
    if (mode === 'allow-all') return { accountId: account.id, setupKeys: [await newKey('bench', [])], groups: 0, policies: 1 };

    const groupService = createGroupService(deps);
    const policyService = createPolicyService(deps);
    const groupIds: string[] = [];
    for (let i = 0; i < groupCount; i++) groupIds.push((await groupService.create(account.id, { name: `bench-g${i}` })).id);
    const pairs = groupPairs(groupCount);
    for (const [a, b] of pairs) {
      const rule = { name: `g${a}-g${b}`, enabled: true, action: 'accept' as const, sources: [groupIds[a]!], destinations: [groupIds[b]!], bidirectional: true, protocol: 'all' as const };
      await policyService.create(account.id, { name: `bench g${a} <-> g${b}`, enabled: true, rules: [rule] });
    }
    for (const p of await policyService.list(account.id)) {
      if (p.name === DEFAULT_POLICY_NAME) await policyService.delete(account.id, p.id);
    }
    const setupKeys: string[] = [];
    for (let i = 0; i < groupCount; i++) setupKeys.push(await newKey(`bench-g${i}`, [groupIds[i]!]));
    return { accountId: account.id, setupKeys, groups: groupCount, policies: pairs.length };
  } finally {
    await store.close();
  }
}
