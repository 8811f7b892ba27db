import type { User, UserRole } from '../../domain/model.js';
import type { UsersTable } from '../schema/database.js';
import { fromFlag, fromJson, toFlag, toJson } from './column-codec.js';

export function userFromRow(r: UsersTable): User {
  return {
    id: r.id,
    accountId: r.account_id,
    role: r.role as UserRole,
    isServiceUser: fromFlag(r.is_service_user),
    name: r.name,
    email: r.email,
    autoGroups: fromJson<string[]>(r.auto_groups),
    blocked: fromFlag(r.blocked),
    pendingApproval: fromFlag(r.pending_approval),
    issued: r.issued,
    lastLogin: r.last_login,
    createdAt: r.created_at,
  };
}

export function userToRow(u: User): UsersTable {
  return {
    id: u.id,
    account_id: u.accountId,
    role: u.role,
    is_service_user: toFlag(u.isServiceUser),
    name: u.name,
    email: u.email,
    auto_groups: toJson(u.autoGroups),
    blocked: toFlag(u.blocked),
    pending_approval: toFlag(u.pendingApproval),
    issued: u.issued,
    last_login: u.lastLogin,
    created_at: u.createdAt,
  };
}
