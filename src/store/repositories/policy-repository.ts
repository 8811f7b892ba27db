import type { PolicyRepository } from '../../domain/ports/repositories.js';
import { byId } from '../rows/column-codec.js';
import { policyFromRows, policyToRow, ruleRowsOf } from '../rows/policy-row.js';
import type { PolicyRulesTable } from '../schema/database.js';
import type { DbHandle } from './db-handle.js';

export function createPolicyRepository(db: DbHandle): PolicyRepository {
  const insertRules = async (rows: PolicyRulesTable[]): Promise<void> => {
    if (rows.length > 0) await db.insertInto('policy_rules').values(rows).execute();
  };
  return {
    async get(accountId, id) {
      const row = await db.selectFrom('policies').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      const rules = await db.selectFrom('policy_rules').selectAll().where('policy_id', '=', id).execute();
      return policyFromRows(row, rules);
    },
    async list(accountId) {
      const rows = await db.selectFrom('policies').selectAll().where('account_id', '=', accountId).execute();
      const rules = await db.selectFrom('policy_rules').selectAll().where('account_id', '=', accountId).execute();
      const byPolicy = new Map<string, PolicyRulesTable[]>();
      for (const r of rules) byPolicy.set(r.policy_id, [...(byPolicy.get(r.policy_id) ?? []), r]);
      return rows.map((p) => policyFromRows(p, byPolicy.get(p.id) ?? [])).sort(byId);
    },
    async insert(policy) {
      await db.insertInto('policies').values(policyToRow(policy)).execute();
      await insertRules(ruleRowsOf(policy));
    },
    async update(policy) {
      const { id, account_id, ...rest } = policyToRow(policy);
      await db.updateTable('policies').set(rest).where('account_id', '=', account_id).where('id', '=', id).execute();
      await db.deleteFrom('policy_rules').where('policy_id', '=', id).execute();
      await insertRules(ruleRowsOf(policy));
    },
    async delete(accountId, id) {
      await db.deleteFrom('policy_rules').where('account_id', '=', accountId).where('policy_id', '=', id).execute();
      await db.deleteFrom('policies').where('account_id', '=', accountId).where('id', '=', id).execute();
    },
  };
}
