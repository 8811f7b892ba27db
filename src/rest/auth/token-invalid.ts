import { unauthenticated, type RoostError } from '../../domain/errors.js';

/**
 * Upstream's one answer to a credential that does not check out (IDENTITY.md §3.1, §7.2): 401
 * `token invalid`, whatever the detail — the dashboard shows its error screen on it.
 */
export const tokenInvalid = (): RoostError => unauthenticated('token invalid');
