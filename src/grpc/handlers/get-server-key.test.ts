import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBinary } from '@bufbuild/protobuf';
import { timestampMs } from '@bufbuild/protobuf/wkt';
import { ServerKeyResponseSchema } from '../../gen/management_pb.js';
import { serverKeyAnswers } from './get-server-key.js';

test('GetServerKey: the key, expiring 24 h after the current second; encoded once per second', () => {
  let now = 1_767_268_800_250;
  const answer = serverKeyAnswers({ serverPublicKey: 'server-key=', clock: { now: () => now } });
  const cases: { at: number; expires: number; sameAsBefore: boolean }[] = [
    { at: 1_767_268_800_250, expires: 1_767_268_800_000 + 86_400_000, sameAsBefore: false },
    { at: 1_767_268_800_999, expires: 1_767_268_800_000 + 86_400_000, sameAsBefore: true },
    { at: 1_767_268_801_000, expires: 1_767_268_801_000 + 86_400_000, sameAsBefore: false },
    { at: 1_767_268_805_400, expires: 1_767_268_805_000 + 86_400_000, sameAsBefore: false },
  ];
  let before: Uint8Array | undefined;
  for (const c of cases) {
    now = c.at;
    const bytes = answer();
    const res = fromBinary(ServerKeyResponseSchema, bytes);
    assert.equal(res.key, 'server-key=');
    assert.equal(timestampMs(res.expiresAt!), c.expires, `at ${c.at}`);
    assert.equal(bytes === before, c.sameAsBefore, `at ${c.at}`);
    before = bytes;
  }
});
