import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  DeviceAuthorizationFlow_Provider,
  DeviceAuthorizationFlowRequestSchema,
  DeviceAuthorizationFlowSchema,
  EncryptedMessageSchema,
  PKCEAuthorizationFlowSchema,
} from '../../gen/management_pb.js';
import type { DeviceFlowSettings, ProviderSettings } from '../../config/config.js';
import { open, seal, ServerEnvelope } from '../../crypto/envelope.js';
import { formatWgKey, generateWgKeyPair } from '../../crypto/wg-key.js';
import { isRoostError, type ErrorKind } from '../../domain/errors.js';
import { authorizationFlowHandlers, deviceFlowAnswer, pkceFlowAnswer } from './authorization-flows.js';

const P: ProviderSettings = {
  clientId: 'client', clientSecret: 'secret', domain: 'idp.test', audience: 'aud', tokenEndpoint: 'https://idp.test/token',
  deviceAuthEndpoint: 'https://idp.test/device', authorizationEndpoint: 'https://idp.test/auth', scope: 'openid email',
  useIdToken: true, redirectUrls: ['http://localhost:53000/', 'http://localhost:54000/'], disablePromptLogin: true, loginFlag: 1,
};
const fails = (fn: () => unknown, kind: ErrorKind, message: string) =>
  assert.throws(fn, (e: unknown) => (isRoostError(e, kind) && e.message === message) || assert.fail(String(e)));

test('deviceFlowAnswer: absent or none → NotFound; other providers → InvalidArgument; hosted in any case → the device fields', () => {
  const flow = (provider: string): DeviceFlowSettings => ({ provider, providerConfig: P });
  fails(() => deviceFlowAnswer(null), 'NotFound', 'no device authorization flow information available');
  fails(() => deviceFlowAnswer(flow('none')), 'NotFound', 'no device authorization flow information available');
  for (const p of ['None', 'NONE', 'auth0', '']) fails(() => deviceFlowAnswer(flow(p)), 'InvalidArgument', `no provider found in the protocol for ${p}`);
  for (const p of ['hosted', 'HOSTED', 'Hosted']) {
    const m = deviceFlowAnswer(flow(p));
    assert.equal(m.provider, DeviceAuthorizationFlow_Provider.HOSTED);
    assert.deepEqual({ ...m.providerConfig, $typeName: undefined }, {
      $typeName: undefined,
      clientId: 'client', clientSecret: 'secret', domain: 'idp.test', audience: 'aud', deviceAuthEndpoint: 'https://idp.test/device',
      tokenEndpoint: 'https://idp.test/token', scope: 'openid email', useIdToken: true,
      authorizationEndpoint: '', redirectUrls: [], disablePromptLogin: false, loginFlag: 0,
    }, p);
  }
});

test('pkceFlowAnswer: absent → NotFound; else the PKCE fields only', () => {
  fails(() => pkceFlowAnswer(null), 'NotFound', 'no pkce authorization flow information available');
  const m = pkceFlowAnswer({ providerConfig: P });
  assert.deepEqual({ ...m.providerConfig, $typeName: undefined }, {
    $typeName: undefined,
    clientId: 'client', clientSecret: 'secret', domain: '', audience: 'aud', deviceAuthEndpoint: '',
    tokenEndpoint: 'https://idp.test/token', scope: 'openid email', useIdToken: true,
    authorizationEndpoint: 'https://idp.test/auth', redirectUrls: ['http://localhost:53000/', 'http://localhost:54000/'], disablePromptLogin: true, loginFlag: 1,
  });
});

test('authorizationFlowHandlers: answers sealed to the caller; envelope failures in upstream words', () => {
  const server = generateWgKeyPair();
  const envelope = new ServerEnvelope(server);
  const peer = generateWgKeyPair();
  const peerKey = formatWgKey(peer.publicKey);
  const h = authorizationFlowHandlers({ envelope, flows: { deviceAuthorizationFlow: { provider: 'hosted', providerConfig: P }, pkceAuthorizationFlow: null } });
  const request = (key: string, body: Uint8Array) => toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: key, body }));
  const empty = seal(toBinary(DeviceAuthorizationFlowRequestSchema, create(DeviceAuthorizationFlowRequestSchema)), server.publicKey, peer.secretKey);

  const out = fromBinary(EncryptedMessageSchema, h.device(request(peerKey, empty)));
  assert.equal(out.wgPubKey, envelope.publicKeyText);
  const flow = fromBinary(DeviceAuthorizationFlowSchema, open(out.body, server.publicKey, peer.secretKey));
  assert.equal(flow.providerConfig?.clientId, 'client');
  fails(() => h.pkce(request(peerKey, empty)), 'NotFound', 'no pkce authorization flow information available');

  fails(() => h.device(request('bad-key', empty)), 'InvalidArgument', "error while parsing peer's Wireguard public key bad-key on GetDeviceAuthorizationFlow request.");
  fails(() => h.pkce(request('', empty)), 'InvalidArgument', "error while parsing peer's Wireguard public key  on GetPKCEAuthorizationFlow request.");
  fails(() => h.device(request(peerKey, new Uint8Array(60).fill(1))), 'InvalidArgument', `error while decrypting peer's message with Wireguard public key ${peerKey}.`);
  fails(() => h.device(new Uint8Array([0xff, 0xff, 0xff])), 'InvalidArgument', 'invalid request message: not an EncryptedMessage');
  // The key is checked before the configuration: an unconfigured flow still refuses a bad key first.
  fails(() => h.pkce(request('bad-key', empty)), 'InvalidArgument', "error while parsing peer's Wireguard public key bad-key on GetPKCEAuthorizationFlow request.");

  const withPkce = authorizationFlowHandlers({ envelope, flows: { deviceAuthorizationFlow: null, pkceAuthorizationFlow: { providerConfig: P } } });
  const pkce = fromBinary(PKCEAuthorizationFlowSchema, open(fromBinary(EncryptedMessageSchema, withPkce.pkce(request(peerKey, empty))).body, server.publicKey, peer.secretKey));
  assert.deepEqual(pkce.providerConfig?.redirectUrls, P.redirectUrls);
  fails(() => withPkce.device(request(peerKey, empty)), 'NotFound', 'no device authorization flow information available');
});
