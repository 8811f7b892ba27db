import type { User, UserRole } from '../model.js';
import type { AuthClaims } from './auth-claims.js';

/**
 * A user as a token first names them (IDENTITY.md §2.4 step 7): ID, name and e-mail from the
 * claims (never refreshed later), no auto-groups, issued `api`; pending approval means blocked.
 */
export function ssoUser(auth: AuthClaims, accountId: string, role: UserRole, pendingApproval: boolean, now: number): User {
  return {
    id: auth.userId,
    accountId,
    role,
    isServiceUser: false,
    name: auth.name,
    email: auth.email,
    autoGroups: [],
    blocked: pendingApproval,
    pendingApproval,
    issued: 'api',
    lastLogin: null,
    createdAt: now,
  };
}
