import { Type } from 'typebox';
import { authorize } from '../auth/authorize.js';
import { toSetupKeyInput, toSetupKeyUpdate } from '../from-api/setup-key.js';
import { EMPTY_OBJECT, type RestApp } from '../rest-app.js';
import type { RestDeps } from '../rest-deps.js';
import { CreateSetupKeyRequest, SetupKeyRequest } from '../schemas/setup-key-requests.js';
import { toApiSetupKey, toApiSetupKeyClear } from '../to-api/setup-key.js';

const KeyParams = Type.Object({ keyId: Type.String() });

/** Setup keys: the plain key appears once, in the POST answer; every other answer masks it. */
export function registerSetupKeyRoutes(app: RestApp, deps: Pick<RestDeps, 'setupKeys' | 'clock'>): void {
  app.get('/setup-keys', async (req) => {
    const { account } = authorize(req, 'setup_keys', 'read');
    const now = deps.clock.now();
    return (await deps.setupKeys.list(account.id)).map((k) => toApiSetupKey(k, now));
  });

  app.get('/setup-keys/:keyId', { schema: { params: KeyParams } }, async (req) => {
    const { account } = authorize(req, 'setup_keys', 'read');
    return toApiSetupKey(await deps.setupKeys.get(account.id, req.params.keyId), deps.clock.now());
  });

  app.post('/setup-keys', { schema: { body: CreateSetupKeyRequest } }, async (req) => {
    const { account, user } = authorize(req, 'setup_keys', 'create');
    const created = await deps.setupKeys.create(account.id, toSetupKeyInput(req.body), user.id);
    return toApiSetupKeyClear(created.key, created.plainKey, deps.clock.now());
  });

  app.put('/setup-keys/:keyId', { schema: { params: KeyParams, body: SetupKeyRequest } }, async (req) => {
    const { account, user } = authorize(req, 'setup_keys', 'update');
    return toApiSetupKey(await deps.setupKeys.update(account.id, req.params.keyId, toSetupKeyUpdate(req.body), user.id), deps.clock.now());
  });

  app.delete('/setup-keys/:keyId', { schema: { params: KeyParams } }, async (req) => {
    const { account, user } = authorize(req, 'setup_keys', 'delete');
    await deps.setupKeys.delete(account.id, req.params.keyId, user.id);
    return EMPTY_OBJECT;
  });
}
