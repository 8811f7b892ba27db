import { refuseUnsupported, unsupportedSettingsProblem } from '../from-api/unsupported-fields.js';
import { Type } from 'typebox';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../auth/authorize.js';
import { callerOf } from '../auth/caller.js';
import { toSettingsPatch } from '../from-api/account-settings.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { AccountRequest } from '../schemas/account-request.js';
import { toApiAccount } from '../to-api/account.js';

/** GET /api/accounts (the caller's account, as a one-element list), PUT /api/accounts/{accountId} (settings) and DELETE (owner only, everything in it). */
export function registerAccountRoutes(app: RestApp, deps: Pick<RestDeps, 'accounts' | 'embeddedUsers' | 'accountDeletion'>): void {
  // Roost refuses `EmbeddedIdP.LocalAuthDisabled` at start-up: with the embedded IdP, local auth is on.
  const idp = deps.embeddedUsers ? { embedded: { localAuthDisabled: false } } : {};
  app.get('/accounts', async (req) => {
    const { account } = authorize(req, 'accounts', 'read');
    return [toApiAccount(await deps.accounts.get(account.id), idp)];
  });

  app.put('/accounts/:accountId', { schema: { params: Type.Object({ accountId: Type.String() }), body: AccountRequest } }, async (req) => {
    // Another account's ID is as unknown as a missing one.
    if (req.params.accountId !== callerOf(req).account.id) throw notFound('account not found');
    const { account, user } = authorize(req, 'settings', 'update');
    refuseUnsupported(unsupportedSettingsProblem(req.body.settings));
    return toApiAccount(await deps.accounts.updateSettings(account.id, toSettingsPatch(req.body.settings), user.id), idp);
  });

  app.delete('/accounts/:accountId', { schema: { params: Type.Object({ accountId: Type.String() }) } }, async (req) => {
    const caller = callerOf(req);
    if (req.params.accountId !== caller.account.id) throw notFound('account not found');
    const { account, user } = authorize(req, 'accounts', 'delete');
    await deps.accountDeletion.deleteAccount(account.id, user.id);
    return EMPTY_OBJECT;
  });
}
