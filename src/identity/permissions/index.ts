/**
 * identity/permissions: upstream's role × module × operation matrix (IDENTITY.md §3.3) as one
 * table, the check order every authorised call goes through (blocked, pending approval, other
 * account, service users read everything, then the matrix), and the `permissions` object
 * `GET /api/users/current` answers (§3.2).
 *
 * Everything here is a pure function of plain values. It must not load users or accounts
 * (the caller passes them), must not throw HTTP or gRPC errors (it returns verdicts; each
 * edge words and maps them), and must not hold rules about which user may change which
 * other user — those are the user service's.
 */
export { MODULES, OPERATIONS, PERMISSION_MATRIX, allows, hasMatrixEntry, type MatrixRole, type Module, type Operation } from './permission-matrix.js';
export { checkPermission, type PermissionSubject, type PermissionVerdict } from './check-permission.js';
export { userPermissions, type UserPermissions } from './user-permissions.js';
