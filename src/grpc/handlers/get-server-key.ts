import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ServerKeyResponseSchema } from '../../gen/management_pb.js';
import type { Clock } from '../../domain/clock.js';
import { oncePerSecond } from '../../shared/once-per-second.js';

/** How long clients are told the key stays valid; they re-fetch before every Login/Sync anyway. */
const KEY_VALIDITY_MS = 24 * 3600_000;

/**
 * GetServerKey's answer: the persisted public key (plaintext), expiring 24 h after the current
 * whole second. Every client asks before every Login and Sync, so the answer is encoded once a
 * second, not once a call (a reconnect storm asks thousands of times a second).
 */
export function serverKeyAnswers(deps: { serverPublicKey: string; clock: Clock }): () => Uint8Array {
  const answerAt = oncePerSecond((start) =>
    toBinary(ServerKeyResponseSchema, create(ServerKeyResponseSchema, { key: deps.serverPublicKey, expiresAt: timestampFromMs(start + KEY_VALIDITY_MS) })),
  );
  return () => answerAt(deps.clock.now());
}
