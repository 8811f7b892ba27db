import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePeerSyncEntry, encodePeerSyncEntry, isValidPeerSyncEntry } from './peer-sync-entry.js';
import type { PeerSyncEntry } from './peer-sync-entry.js';

const MAX_U64 = '18446744073709551615';

test('encode then decode round-trips valid entries, 64-bit hashes included', () => {
  const entries: PeerSyncEntry[] = [
    { serial: 0, metaHash: '0' },
    { serial: 42, metaHash: '7' },
    { serial: Number.MAX_SAFE_INTEGER, metaHash: MAX_U64 },
    { serial: 1, metaHash: '9007199254740993' }, // not representable as a JS number
  ];
  for (const e of entries) {
    const text = encodePeerSyncEntry(e);
    assert.deepEqual(decodePeerSyncEntry(text), e, text);
  }
  assert.equal(encodePeerSyncEntry({ serial: 42, metaHash: '7' }), '{"serial":42,"metaHash":"7"}');
});

test('decodePeerSyncEntry turns anything malformed into a miss', () => {
  const bad = [
    '',
    'not json',
    'null',
    '42',
    '"x"',
    '[42,"7"]',
    '{}',
    '{"serial":42}',
    '{"metaHash":"7"}',
    '{"serial":"42","metaHash":"7"}',
    '{"serial":42,"metaHash":7}', // a number would lose 64-bit precision
    '{"serial":-1,"metaHash":"7"}',
    '{"serial":1.5,"metaHash":"7"}',
    '{"serial":9007199254740992,"metaHash":"7"}',
    '{"serial":42,"metaHash":""}',
    '{"serial":42,"metaHash":"-7"}',
    '{"serial":42,"metaHash":"07"}',
    '{"serial":42,"metaHash":"0x7"}',
    '{"serial":42,"metaHash":"18446744073709551616"}', // 2^64
    '{"Serial":42,"MetaHash":7}', // upstream's Go field names: not ours
  ];
  for (const text of bad) assert.equal(decodePeerSyncEntry(text), undefined, text);
});

test('isValidPeerSyncEntry guards writes', () => {
  assert.equal(isValidPeerSyncEntry({ serial: 3, metaHash: '1' }), true);
  assert.equal(isValidPeerSyncEntry({ serial: Number.NaN, metaHash: '1' }), false);
  assert.equal(isValidPeerSyncEntry({ serial: 3, metaHash: 'abc' }), false);
  assert.equal(isValidPeerSyncEntry(null as unknown as PeerSyncEntry), false);
});

test('posture-check file lists round-trip; malformed ones are a miss', () => {
  const withChecks = { serial: 3, metaHash: '42', checks: [['/usr/bin/a', '/opt/b'], []] };
  assert.deepEqual(decodePeerSyncEntry(encodePeerSyncEntry(withChecks)), withChecks);
  assert.equal(encodePeerSyncEntry({ serial: 3, metaHash: '42', checks: [] }), '{"serial":3,"metaHash":"42"}');
  assert.equal(decodePeerSyncEntry('{"serial":3,"metaHash":"42","checks":[[1]]}'), undefined);
  assert.equal(decodePeerSyncEntry('{"serial":3,"metaHash":"42","checks":"x"}'), undefined);
});

test('a login generation round-trips; 0 is left out; a malformed one is a miss', () => {
  const e = { serial: 3, metaHash: '42', loginGeneration: 7 };
  assert.equal(encodePeerSyncEntry(e), '{"serial":3,"metaHash":"42","loginGeneration":7}');
  assert.deepEqual(decodePeerSyncEntry(encodePeerSyncEntry(e)), e);
  assert.equal(encodePeerSyncEntry({ serial: 3, metaHash: '42', loginGeneration: 0 }), '{"serial":3,"metaHash":"42"}');
  for (const bad of ['-1', '1.5', '"7"', 'null', '9007199254740992']) {
    assert.equal(decodePeerSyncEntry(`{"serial":3,"metaHash":"42","loginGeneration":${bad}}`), undefined, bad);
  }
  assert.equal(isValidPeerSyncEntry({ serial: 3, metaHash: '1', loginGeneration: -1 }), false);
});
