import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  DeviceAuthorizationFlow_Provider,
  DeviceAuthorizationFlowRequestSchema,
  DeviceAuthorizationFlowSchema,
  PKCEAuthorizationFlowRequestSchema,
  PKCEAuthorizationFlowSchema,
} from '../../src/gen/management_pb.js';
import { parseManagementJson } from '../../src/config/management-json.js';
import { GrpcCallError, TestAgent, status } from '../harness/test-agent.js';
import { startTestServer, type TestServer } from '../harness/test-server.js';
import { TestProvider } from './identity-test-provider.js';

const SIGNAL = { Proto: 'http', URI: '127.0.0.1:10000' };
const managementJson = (blocks: Record<string, unknown>) => parseManagementJson(JSON.stringify({ Signal: SIGNAL, ...blocks }));

/** Both flow RPCs through the real gRPC server and envelope, decoded as a client would. */
async function askFlows(server: TestServer) {
  const agent = new TestAgent(server.grpcTarget);
  try {
    const { key } = await agent.getServerKey();
    const call = async <T>(method: string, request: Uint8Array, decode: (b: Uint8Array) => T): Promise<T | GrpcCallError> => {
      try {
        return decode(agent.openResponse(key, await agent.callRaw(method, agent.envelope(key, request))));
      } catch (err) {
        if (err instanceof GrpcCallError) return err;
        throw err;
      }
    };
    return {
      device: await call('GetDeviceAuthorizationFlow', toBinary(DeviceAuthorizationFlowRequestSchema, create(DeviceAuthorizationFlowRequestSchema)), (b) => fromBinary(DeviceAuthorizationFlowSchema, b)),
      pkce: await call('GetPKCEAuthorizationFlow', toBinary(PKCEAuthorizationFlowRequestSchema, create(PKCEAuthorizationFlowRequestSchema)), (b) => fromBinary(PKCEAuthorizationFlowSchema, b)),
    };
  } finally {
    agent.close();
  }
}

const plain = <T extends object>(m: T | undefined) => {
  const { $typeName, ...rest } = (m ?? {}) as T & { $typeName?: string };
  void $typeName;
  return rest;
};

describe('SSO flow RPCs through the real server', () => {
  test('configured flows: the client decrypts exactly the configured fields', async () => {
    const server = await startTestServer({
      file: managementJson({
        deviceauthorizationflow: {
          provider: 'Hosted',
          providerconfig: {
            ClientID: 'dev-client', ClientSecret: 'dev-secret', Domain: 'idp.test', Audience: 'dev-aud', TokenEndpoint: 'https://idp.test/token',
            DeviceAuthEndpoint: 'https://idp.test/device', AuthorizationEndpoint: 'https://idp.test/ignored', Scope: 'openid profile',
            UseIDToken: true, RedirectURLs: ['http://localhost:1/'], LoginFlag: 2,
          },
        },
        PKCEAuthorizationFlow: {
          ProviderConfig: {
            ClientID: 'pkce-client', Audience: 'pkce-aud', TokenEndpoint: 'https://idp.test/token', AuthorizationEndpoint: 'https://idp.test/authorize',
            Scope: 'openid email', RedirectURLs: ['http://localhost:53000/', 'http://localhost:54000/'], DisablePromptLogin: true, LoginFlag: 1,
            Domain: 'ignored', DeviceAuthEndpoint: 'https://ignored',
          },
        },
      }),
    });
    try {
      const { device, pkce } = await askFlows(server);
      assert.ok(!(device instanceof GrpcCallError), String(device));
      assert.ok(!(pkce instanceof GrpcCallError), String(pkce));
      assert.equal(device.provider, DeviceAuthorizationFlow_Provider.HOSTED);
      assert.deepEqual(plain(device.providerConfig), {
        clientId: 'dev-client', clientSecret: 'dev-secret', domain: 'idp.test', audience: 'dev-aud', deviceAuthEndpoint: 'https://idp.test/device',
        tokenEndpoint: 'https://idp.test/token', scope: 'openid profile', useIdToken: true,
        authorizationEndpoint: '', redirectUrls: [], disablePromptLogin: false, loginFlag: 0,
      });
      assert.deepEqual(plain(pkce.providerConfig), {
        clientId: 'pkce-client', clientSecret: '', domain: '', audience: 'pkce-aud', deviceAuthEndpoint: '',
        tokenEndpoint: 'https://idp.test/token', scope: 'openid email', useIdToken: false,
        authorizationEndpoint: 'https://idp.test/authorize', redirectUrls: ['http://localhost:53000/', 'http://localhost:54000/'], disablePromptLogin: true, loginFlag: 1,
      });
    } finally {
      await server.stop();
    }
  });

  test('unconfigured, none and unknown providers answer as upstream', async () => {
    const cases: [string, Record<string, unknown> | undefined, [status, string], [status, string]][] = [
      ['no management.json', undefined, [status.NOT_FOUND, 'no device authorization flow information available'], [status.NOT_FOUND, 'no pkce authorization flow information available']],
      ['file without flow blocks', {}, [status.NOT_FOUND, 'no device authorization flow information available'], [status.NOT_FOUND, 'no pkce authorization flow information available']],
      ['device provider none', { DeviceAuthorizationFlow: { Provider: 'none', ProviderConfig: { ClientID: 'x' } } }, [status.NOT_FOUND, 'no device authorization flow information available'], [status.NOT_FOUND, 'no pkce authorization flow information available']],
      ['device provider auth0', { DeviceAuthorizationFlow: { Provider: 'auth0' } }, [status.INVALID_ARGUMENT, 'no provider found in the protocol for auth0'], [status.NOT_FOUND, 'no pkce authorization flow information available']],
    ];
    for (const [name, blocks, wantDevice, wantPkce] of cases) {
      const server = await startTestServer({ file: blocks ? managementJson(blocks) : undefined });
      try {
        const { device, pkce } = await askFlows(server);
        for (const [got, [code, details]] of [[device, wantDevice], [pkce, wantPkce]] as const) {
          assert.ok(got instanceof GrpcCallError, `${name}: expected an error`);
          assert.deepEqual([status[got.code], got.details], [status[code], details], name);
        }
      } finally {
        await server.stop();
      }
    }
  });
});

describe('start-up OIDC discovery', () => {
  let idp: TestProvider;
  before(async () => {
    idp = await TestProvider.start();
  });
  after(() => idp.close());

  test('one GET at start; issuer, JWKS and flow endpoints come from the provider', async () => {
    idp.discovery = undefined;
    idp.discoveryFetches = 0;
    const server = await startTestServer({
      file: managementJson({
        HttpConfig: { AuthAudience: 'api', OIDCConfigEndpoint: idp.discoveryUrl, AuthIssuer: 'https://stale.test', AuthKeysLocation: 'https://stale.test/keys' },
        DeviceAuthorizationFlow: { Provider: 'hosted', ProviderConfig: { ClientID: 'cli', TokenEndpoint: 'https://stale.test/token', DeviceAuthEndpoint: 'https://stale.test/device' } },
        PKCEAuthorizationFlow: { ProviderConfig: { ClientID: 'cli', AuthorizationEndpoint: 'https://stale.test/auth' } },
      }),
    });
    try {
      assert.equal(idp.discoveryFetches, 1);
      const { device, pkce } = await askFlows(server);
      assert.ok(!(device instanceof GrpcCallError) && !(pkce instanceof GrpcCallError));
      const host = new URL(idp.url).host;
      assert.deepEqual(
        [device.providerConfig?.tokenEndpoint, device.providerConfig?.deviceAuthEndpoint, device.providerConfig?.domain, device.providerConfig?.scope],
        [`${idp.url}/token`, `${idp.url}/device/code`, host, 'openid'],
      );
      assert.deepEqual([pkce.providerConfig?.tokenEndpoint, pkce.providerConfig?.authorizationEndpoint], [`${idp.url}/token`, `${idp.url}/auth`]);
      assert.equal(idp.discoveryFetches, 1, 'never fetched again');
    } finally {
      await server.stop();
    }
  });

  test('a failed discovery stops start-up with a clear error', async () => {
    const closed = await TestProvider.start();
    const refusedUrl = closed.discoveryUrl;
    await closed.close();
    const cases: [string, { status: number; body: string } | undefined, string, RegExp][] = [
      ['non-200', { status: 500, body: 'boom' }, idp.discoveryUrl, /status 500: boom/],
      ['bad JSON', { status: 200, body: '<html>' }, idp.discoveryUrl, /not JSON/],
      ['connection refused', undefined, refusedUrl, /failed/],
    ];
    for (const [name, discovery, url, re] of cases) {
      idp.discovery = discovery;
      const dataDir = mkdtempSync(join(tmpdir(), 'roost-identity-'));
      try {
        await assert.rejects(
          startTestServer({ dataDir, file: managementJson({ HttpConfig: { OIDCConfigEndpoint: url } }) }),
          (e: Error) => (e.message.startsWith(`OIDC discovery from ${url} failed: `) && re.test(e.message)) || assert.fail(`${name}: ${e.message}`),
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    idp.discovery = undefined;
  });
});
