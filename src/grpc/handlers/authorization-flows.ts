import { fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import {
  DeviceAuthorizationFlowRequestSchema,
  DeviceAuthorizationFlowSchema,
  EncryptedMessageSchema,
  PKCEAuthorizationFlowRequestSchema,
  PKCEAuthorizationFlowSchema,
  type DeviceAuthorizationFlow,
  type PKCEAuthorizationFlow,
} from '../../gen/management_pb.js';
import type { AuthSettings, DeviceFlowSettings, PkceFlowSettings } from '../../config/config.js';
import type { ServerEnvelope } from '../../crypto/envelope.js';
import { parseWgKey } from '../../crypto/wg-key.js';
import { invalidArgument, notFound } from '../../domain/errors.js';
import { createSealer } from '../create-sealer.js';
import { authorizationFlowToWire } from '../to-wire/authorization-flow-to-wire.js';

/** The flow blocks as configured (after start-up discovery). */
export type AuthorizationFlowSettings = Pick<AuthSettings, 'deviceAuthorizationFlow' | 'pkceAuthorizationFlow'>;

/**
 * GetDeviceAuthorizationFlow's answer (IDENTITY.md §2.1): NotFound when the block is absent or
 * its provider is exactly `none` (clients then try the other flow or fall back to setup keys);
 * InvalidArgument for a provider other than `hosted` in any case; else the configured fields.
 */
export function deviceFlowAnswer(flow: DeviceFlowSettings | null): DeviceAuthorizationFlow {
  if (!flow || flow.provider === 'none') throw notFound('no device authorization flow information available');
  if (flow.provider.toUpperCase() !== 'HOSTED') throw invalidArgument(`no provider found in the protocol for ${flow.provider}`);
  return authorizationFlowToWire.device(flow.providerConfig);
}

/** GetPKCEAuthorizationFlow's answer: NotFound without the block, else the configured fields. */
export function pkceFlowAnswer(flow: PkceFlowSettings | null): PKCEAuthorizationFlow {
  if (!flow) throw notFound('no pkce authorization flow information available');
  return authorizationFlowToWire.pkce(flow.providerConfig);
}

/**
 * Both RPCs end to end: open the (empty) request with upstream's error words, decide, seal the
 * answer to the caller's key. The peer need not be registered. Answers are built per call: the
 * settings are frozen and the calls rare (one per interactive login).
 */
export function authorizationFlowHandlers(deps: { envelope: ServerEnvelope; flows: AuthorizationFlowSettings }) {
  const seal = createSealer(deps.envelope);
  return {
    device(raw: Uint8Array): Uint8Array {
      const peerKey = openFlowRequest(raw, DeviceAuthorizationFlowRequestSchema, deps.envelope, 'GetDeviceAuthorizationFlow');
      return seal(peerKey, toBinary(DeviceAuthorizationFlowSchema, deviceFlowAnswer(deps.flows.deviceAuthorizationFlow)));
    },
    pkce(raw: Uint8Array): Uint8Array {
      const peerKey = openFlowRequest(raw, PKCEAuthorizationFlowRequestSchema, deps.envelope, 'GetPKCEAuthorizationFlow');
      return seal(peerKey, toBinary(PKCEAuthorizationFlowSchema, pkceFlowAnswer(deps.flows.pkceAuthorizationFlow)));
    },
  };
}

/** Validates the envelope in upstream's order and words; returns the caller's key. */
function openFlowRequest(raw: Uint8Array, schema: DescMessage, envelope: ServerEnvelope, method: string): string {
  let outer;
  try {
    outer = fromBinary(EncryptedMessageSchema, raw);
  } catch {
    throw invalidArgument('invalid request message: not an EncryptedMessage');
  }
  const peerKey = outer.wgPubKey;
  try {
    parseWgKey(peerKey);
  } catch {
    throw invalidArgument(`error while parsing peer's Wireguard public key ${peerKey} on ${method} request.`);
  }
  try {
    fromBinary(schema, envelope.open(peerKey, outer.body));
  } catch {
    throw invalidArgument(`error while decrypting peer's message with Wireguard public key ${peerKey}.`);
  }
  return peerKey;
}
