import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { EncryptedMessageSchema } from '../gen/management_pb.js';
import { invalidArgument } from '../domain/errors.js';
import type { ServerEnvelope } from '../crypto/envelope.js';

export interface OpenedRequest<T> {
  /** The caller's WireGuard public key (text); decrypting proves the caller owns it. */
  readonly peerKey: string;
  readonly message: T;
}

/**
 * Opens an EncryptedMessage carrying `schema`: parse the outer message, open the box with the
 * caller's key, parse the inner message. Every failure is InvalidArgument (PROTOCOL.md §3.4).
 */
export function openRequest<D extends DescMessage>(
  raw: Uint8Array,
  schema: D,
  envelope: ServerEnvelope,
): OpenedRequest<MessageShape<D>> {
  let outer;
  try {
    outer = fromBinary(EncryptedMessageSchema, raw);
  } catch {
    throw invalidArgument('invalid request message: not an EncryptedMessage');
  }
  const plain = envelope.open(outer.wgPubKey, outer.body);
  try {
    return { peerKey: outer.wgPubKey, message: fromBinary(schema, plain) };
  } catch {
    throw invalidArgument(`invalid request message: body is not a ${schema.name}`);
  }
}
