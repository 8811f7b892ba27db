import type { AuthSettings } from '../../config/config.js';
import { authAudiences } from '../oidc/auth-audiences.js';

/**
 * Whether the settings (after discovery) describe an IdP whose tokens can be validated: a JWKS
 * location and at least one non-empty accepted audience. Without either no token could ever
 * pass, so no validator is built and a Login's JWT is answered "SSO login is not configured".
 */
export function jwtValidationConfigured(auth: Pick<AuthSettings, 'http' | 'deviceAuthorizationFlow'>): boolean {
  return auth.http.authKeysLocation !== '' && authAudiences(auth).some((a) => a !== '');
}
