import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ServerKeyResponseSchema } from '../../gen/management_pb.js';
import type { Clock } from '../../domain/clock.js';

/** How long clients are told the key stays valid; they re-fetch before every Login/Sync anyway. */
const KEY_VALIDITY_MS = 24 * 3600_000;

/**
 * GetServerKey's answer: the persisted public key (plaintext), expiring 24 h after the current
 * whole second. Every client asks before every Login and Sync, so the answer is encoded once a
 * second, not once a call (a reconnect storm asks thousands of times a second).
 */
export function serverKeyAnswers(deps: { serverPublicKey: string; clock: Clock }): () => Uint8Array {
  let last: { second: number; bytes: Uint8Array } | undefined;
  return () => {
    const second = Math.floor(deps.clock.now() / 1000);
    if (last?.second !== second) {
      const expiresAt = timestampFromMs(second * 1000 + KEY_VALIDITY_MS);
      last = { second, bytes: toBinary(ServerKeyResponseSchema, create(ServerKeyResponseSchema, { key: deps.serverPublicKey, expiresAt })) };
    }
    return last.bytes;
  };
}
