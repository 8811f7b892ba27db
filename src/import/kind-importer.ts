import type { RowReader } from './row-reader.js';

/** A group's reference to a network resource (`groups.resources`: `{ID, Type}`). */
export interface ResourceGroupRef {
  readonly groupId: string;
  readonly type: string;
}

/**
 * What the other kinds contribute to a mapping: group members from `group_peers`, rules from
 * `policy_rules` and resource groups from `groups.resources`, keyed by their owner's ID and
 * read before the owners are mapped.
 */
export interface MapContext {
  membersOf(groupId: string): readonly string[];
  rulesOf<R>(policyId: string): readonly R[];
  groupsOfResource(resourceId: string): readonly ResourceGroupRef[];
}

/**
 * One upstream table mapped to one Roost domain kind. `columns` lists every column this build
 * understands (mapped or deliberately skipped); any other column is reported, not ignored.
 */
export interface KindImporter<T> {
  /** Name in counts and reports (`peers`, `setup keys`, …). */
  readonly kind: string;
  readonly table: string;
  readonly columns: readonly string[];
  /** The row's identity for reports. */
  idOf(row: RowReader): string;
  /** Maps one row or throws MapError. */
  map(row: RowReader, ctx: MapContext): T;
}
