import { Type } from 'typebox';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../auth/authorize.js';
import type { RestApp } from '../rest-app.js';

/**
 * `GET /api/identity-providers[/{idpId}]` (module `identity_providers`, IDENTITY.md §1.5): the
 * upstream IdPs connected to the embedded one. Roost's embedded provider has only its e-mail +
 * password users, so the list is empty — as upstream's without the embedded IdP — and any id
 * is unknown. The dashboard asks for the list on its users page when `embedded_idp_enabled`
 * and shows an error screen on a 404, so the route must exist.
 */
export function registerIdentityProviderRoutes(app: RestApp): void {
  app.get('/identity-providers', async (req) => {
    authorize(req, 'identity_providers', 'read');
    return [];
  });

  app.get('/identity-providers/:idpId', { schema: { params: Type.Object({ idpId: Type.String() }) } }, async (req) => {
    authorize(req, 'identity_providers', 'read');
    throw notFound(`identity provider ${req.params.idpId} not found`);
  });
}
