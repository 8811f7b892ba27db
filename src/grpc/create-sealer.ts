import { EncryptedMessageSchema } from '../gen/management_pb.js';
import { SEAL_OVERHEAD, type ServerEnvelope } from '../crypto/envelope.js';
import { ProtoWriter, fieldNumber, lengthDelimitedSize } from './to-wire/proto-writer.js';

/** EncryptedMessage fields written (version stays 0, i.e. absent, as toBinary would leave it). */
const ENCRYPTED_MESSAGE = { wgPubKey: fieldNumber(EncryptedMessageSchema, 'wgPubKey'), body: fieldNumber(EncryptedMessageSchema, 'body') };

/** Seals an encoded inner message for `peerKey` into EncryptedMessage bytes. */
export type Sealer = (peerKey: string, inner: Uint8Array) => Uint8Array;

/**
 * EncryptedMessage{wgPubKey: server key, body: nonce ‖ box(inner)} written by hand: the box is
 * sealed straight into the outgoing buffer, so a 1.7 MB map is not copied again by toBinary.
 * The bytes equal what toBinary(EncryptedMessageSchema, …) writes for the same body.
 */
export function createSealer(envelope: ServerEnvelope): Sealer {
  const serverKey = new TextEncoder().encode(envelope.publicKeyText);
  return (peerKey, inner) => {
    const bodyLength = inner.length + SEAL_OVERHEAD;
    const w = new ProtoWriter(lengthDelimitedSize(ENCRYPTED_MESSAGE.wgPubKey, serverKey.length) + lengthDelimitedSize(ENCRYPTED_MESSAGE.body, bodyLength));
    w.lengthDelimited(ENCRYPTED_MESSAGE.wgPubKey, serverKey).header(ENCRYPTED_MESSAGE.body, bodyLength);
    envelope.sealInto(peerKey, inner, w.reserve(bodyLength));
    return w.finish();
  };
}
