import type { UserRole } from '../../domain/model.js';

/** Upstream's permission modules at the reference revision (IDENTITY.md §3.3), in its order. */
export const MODULES = [
  'networks',
  'peers',
  'groups',
  'settings',
  'accounts',
  'dns',
  'nameservers',
  'events',
  'policies',
  'routes',
  'users',
  'setup_keys',
  'pats',
  'identity_providers',
  'remote_jobs',
  'services',
] as const;
export type Module = (typeof MODULES)[number];

export const OPERATIONS = ['create', 'read', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The roles that have a matrix entry; `billing_admin` is an accepted role name without one. */
export type MatrixRole = Exclude<UserRole, 'billing_admin'>;

/** A cell: every operation, read only, or nothing. */
type Grant = 'crud' | 'r' | '-';

/**
 * THE matrix (IDENTITY.md §3.3), one row per module. Read it as the spec's table: owner and
 * admin manage everything except that admins only read `accounts`; auditors read
 * everything; network admins manage the network configuration and read the rest of the
 * account but not remote jobs or services; regular users get nothing (what they may still
 * see of themselves is decided where the list is built).
 */
export const PERMISSION_MATRIX: Readonly<Record<Module, Readonly<Record<MatrixRole, Grant>>>> = {
  networks: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  groups: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  dns: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  nameservers: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  policies: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  routes: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  pats: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'crud', user: '-' },
  peers: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  settings: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  events: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  users: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  setup_keys: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  identity_providers: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: 'r', user: '-' },
  accounts: { owner: 'crud', admin: 'r', auditor: 'r', network_admin: 'r', user: '-' },
  remote_jobs: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: '-', user: '-' },
  services: { owner: 'crud', admin: 'crud', auditor: 'r', network_admin: '-', user: '-' },
};

const MATRIX_ROLES: ReadonlySet<string> = new Set<MatrixRole>(['owner', 'admin', 'auditor', 'network_admin', 'user']);

/** False for `billing_admin` and for any role name the store holds that upstream does not know. */
export const hasMatrixEntry = (role: string): role is MatrixRole => MATRIX_ROLES.has(role);

/** Whether `role` may perform `operation` on `module`; a role without matrix entry may do nothing. */
export function allows(role: string, module: Module, operation: Operation): boolean {
  if (!hasMatrixEntry(role)) return false;
  const grant = PERMISSION_MATRIX[module][role];
  return grant === 'crud' || (grant === 'r' && operation === 'read');
}
