/** `users`: roles, service users, approval state; e-mail and name decrypted (field encryption). */
import type { User, UserRole } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { oneOf, stringList } from '../values/json-shapes.js';

const ROLES: readonly UserRole[] = ['owner', 'admin', 'user', 'billing_admin', 'auditor', 'network_admin'];
const ISSUERS: readonly User['issued'][] = ['api', 'jwt', 'integration'];

export const usersImporter: KindImporter<User> = {
  kind: 'users',
  table: 'users',
  columns: [
    'id',
    'account_id',
    'role',
    'is_service_user',
    'non_deletable',
    'service_user_name',
    'auto_groups',
    'blocked',
    'pending_approval',
    'last_login',
    'created_at',
    'issued',
    'integration_ref_id',
    'integration_ref_integration_type',
    'name',
    'email',
  ],
  idOf: (r) => r.text('id'),
  map(r) {
    r.dropIfSet('non_deletable', 'every Roost user can be deleted by an owner');
    r.dropIfSet('integration_ref_id', 'IdP integrations are not supported');
    r.dropIfSet('integration_ref_integration_type', 'IdP integrations are not supported');
    const isServiceUser = r.flag('is_service_user');
    const name = r.decrypted('name');
    return {
      id: r.text('id'),
      accountId: r.text('account_id'),
      role: oneOf('role', r.text('role'), ROLES),
      isServiceUser,
      // Upstream keeps a service user's name in plaintext in its own column.
      name: isServiceUser && name === '' ? r.text('service_user_name') : name,
      email: r.decrypted('email'),
      autoGroups: stringList('auto_groups', r.json('auto_groups')),
      blocked: r.flag('blocked'),
      pendingApproval: r.flag('pending_approval'),
      issued: oneOf('issued', r.text('issued') || 'api', ISSUERS),
      lastLogin: r.timeOrNull('last_login'),
      createdAt: r.time('created_at'),
    };
  },
};
