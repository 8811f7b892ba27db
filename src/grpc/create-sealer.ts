import { EncryptedMessageSchema } from '../gen/management_pb.js';
import { SEAL_OVERHEAD, type ServerEnvelope } from '../crypto/envelope.js';
import { ProtoWriter, fieldNumber, lengthDelimitedSize, sizeOf, type Piece } from './to-wire/proto-writer.js';

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

/** Seals a message given as pieces (see proto-writer) for `peerKey` into EncryptedMessage bytes. */
export type PieceSealer = (peerKey: string, inner: readonly Piece[]) => Uint8Array;

/**
 * As createSealer, for a message not yet written: its pieces are written once, where the
 * plaintext goes in the outgoing buffer, and sealed there in place (no separate plaintext
 * buffer). The bytes equal createSealer's for the assembled message and the same nonce.
 * `take` supplies the memory to write into (see FramePool); default fresh bytes.
 */
export function createPieceSealer(envelope: ServerEnvelope, take?: (size: number) => Uint8Array): PieceSealer {
  const serverKey = new TextEncoder().encode(envelope.publicKeyText);
  return (peerKey, inner) => {
    const bodyLength = sizeOf(inner) + SEAL_OVERHEAD;
    const size = lengthDelimitedSize(ENCRYPTED_MESSAGE.wgPubKey, serverKey.length) + lengthDelimitedSize(ENCRYPTED_MESSAGE.body, bodyLength);
    const w = new ProtoWriter(size, take?.(size));
    w.lengthDelimited(ENCRYPTED_MESSAGE.wgPubKey, serverKey).header(ENCRYPTED_MESSAGE.body, bodyLength);
    const body = w.reserve(SEAL_OVERHEAD);
    for (const p of inner) p.write(w);
    const out = w.finish();
    envelope.sealInPlace(peerKey, out.subarray(body.byteOffset - out.byteOffset, out.length));
    return out;
  };
}
