import assert from 'node:assert/strict';
import { createTokenService } from '../../src/domain/users/token-service.js';
import type { Seeded } from './seed.js';
import type { TestServer } from './test-server.js';

/** A REST caller with a fresh PAT of the seeded owner; every call must answer 200 (its JSON is returned). */
export async function patApi(server: TestServer, seed: Seeded, name: string) {
  const { plainToken } = await createTokenService(seed.deps).create(seed.accountId, seed.ownerId, { name, expiresInDays: 1 });
  return async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`http://127.0.0.1:${server.ports.http}/api${path}`, {
      method,
      headers: { authorization: `Token ${plainToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await res.json();
    assert.equal(res.status, 200, `${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
}
