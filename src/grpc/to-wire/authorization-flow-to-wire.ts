import { create } from '@bufbuild/protobuf';
import {
  DeviceAuthorizationFlow_Provider,
  DeviceAuthorizationFlowSchema,
  PKCEAuthorizationFlowSchema,
  type DeviceAuthorizationFlow,
  type PKCEAuthorizationFlow,
} from '../../gen/management_pb.js';
import type { ProviderSettings } from '../../config/config.js';

/**
 * The two SSO flow answers on the wire (PROTOCOL.md §7.9, IDENTITY.md §2.1), each with exactly
 * the ProviderConfig fields upstream sends for it: the device answer never carries PKCE-only
 * fields (redirect URLs, login flag) nor the PKCE answer the device-only ones (domain, device
 * endpoint).
 */
export const authorizationFlowToWire = {
  device(p: ProviderSettings): DeviceAuthorizationFlow {
    return create(DeviceAuthorizationFlowSchema, {
      provider: DeviceAuthorizationFlow_Provider.HOSTED,
      providerConfig: {
        clientId: p.clientId,
        clientSecret: p.clientSecret,
        domain: p.domain,
        audience: p.audience,
        deviceAuthEndpoint: p.deviceAuthEndpoint,
        tokenEndpoint: p.tokenEndpoint,
        scope: p.scope,
        useIdToken: p.useIdToken,
      },
    });
  },
  pkce(p: ProviderSettings): PKCEAuthorizationFlow {
    return create(PKCEAuthorizationFlowSchema, {
      providerConfig: {
        audience: p.audience,
        clientId: p.clientId,
        clientSecret: p.clientSecret,
        tokenEndpoint: p.tokenEndpoint,
        authorizationEndpoint: p.authorizationEndpoint,
        scope: p.scope,
        redirectUrls: [...p.redirectUrls],
        useIdToken: p.useIdToken,
        disablePromptLogin: p.disablePromptLogin,
        loginFlag: p.loginFlag,
      },
    });
  },
};
