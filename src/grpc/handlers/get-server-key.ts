import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ServerKeyResponseSchema } from '../../gen/management_pb.js';
import type { Clock } from '../../domain/clock.js';

/** How long clients are told the key stays valid; they re-fetch before every Login/Sync anyway. */
const KEY_VALIDITY_MS = 24 * 3600_000;

/** GetServerKey: the persisted public key (plaintext), expiring now + 24 h. */
export function getServerKey(deps: { serverPublicKey: string; clock: Clock }): Uint8Array {
  return toBinary(
    ServerKeyResponseSchema,
    create(ServerKeyResponseSchema, {
      key: deps.serverPublicKey,
      expiresAt: timestampFromMs(deps.clock.now() + KEY_VALIDITY_MS),
    }),
  );
}
