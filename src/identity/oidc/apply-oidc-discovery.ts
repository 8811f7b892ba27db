import type { AuthSettings } from '../../config/config.js';

/** The fields of an OpenID Provider Metadata document Roost uses; '' when absent. */
export interface OidcDiscoveryDocument {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly tokenEndpoint: string;
  readonly deviceAuthorizationEndpoint: string;
  readonly authorizationEndpoint: string;
}

/** The flow scope clients need at the least; set when the device block leaves it empty. */
const DEFAULT_DEVICE_SCOPE = 'openid';

/**
 * Overwrites the settings discovery owns (IDENTITY.md §1.2), as upstream does: issuer and JWKS
 * location always; the device flow's endpoints, `Domain` (host of the discovery URL) and an empty
 * scope unless its provider is `none` (any case); the PKCE endpoints when that block exists.
 * Values are taken even when the document leaves them empty, like upstream.
 */
export function applyDiscovery(auth: AuthSettings, doc: OidcDiscoveryDocument, discoveryUrl: string): AuthSettings {
  const device = auth.deviceAuthorizationFlow;
  const pkce = auth.pkceAuthorizationFlow;
  return {
    http: { ...auth.http, authIssuer: doc.issuer, authKeysLocation: doc.jwksUri },
    deviceAuthorizationFlow:
      device && device.provider.toLowerCase() !== 'none'
        ? {
            ...device,
            providerConfig: {
              ...device.providerConfig,
              tokenEndpoint: doc.tokenEndpoint,
              deviceAuthEndpoint: doc.deviceAuthorizationEndpoint,
              domain: hostOf(discoveryUrl),
              scope: device.providerConfig.scope || DEFAULT_DEVICE_SCOPE,
            },
          }
        : device,
    pkceAuthorizationFlow: pkce
      ? { providerConfig: { ...pkce.providerConfig, tokenEndpoint: doc.tokenEndpoint, authorizationEndpoint: doc.authorizationEndpoint } }
      : null,
  };
}

/**
 * `host[:port]` exactly as written in the URL (no user info). Not `URL.host`, which drops a
 * default port that upstream keeps.
 */
export function hostOf(url: string): string {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1);
}
