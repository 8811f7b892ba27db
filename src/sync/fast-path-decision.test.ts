import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldSkipNetworkMap, slowPathReason } from './fast-path-decision.js';
import type { CachedPeerSync, SlowPathReason } from './fast-path-decision.js';

interface Case {
  readonly name: string;
  readonly goOS: string;
  readonly hit: boolean;
  readonly cached: CachedPeerSync | undefined;
  readonly current: number;
  readonly hash: string;
  readonly reason: SlowPathReason | null;
  /** The peer's current login generation (default 0). */
  readonly gen?: number;
}

const clean = { serial: 42, metaHash: '7' };

/** SEMANTICS.md §8.6 (upstream TestShouldSkipNetworkMap) plus edge cases. */
const cases: readonly Case[] = [
  { name: 'android, clean hit', goOS: 'android', hit: true, cached: clean, current: 42, hash: '7', reason: 'android' },
  { name: 'Android capitalised, clean hit', goOS: 'Android', hit: true, cached: clean, current: 42, hash: '7', reason: 'android' },
  { name: 'ANDROID, clean hit', goOS: 'ANDROID', hit: true, cached: clean, current: 42, hash: '7', reason: 'android' },
  { name: 'android, miss', goOS: 'android', hit: false, cached: undefined, current: 42, hash: '7', reason: 'android' },
  { name: 'linux, cache miss', goOS: 'linux', hit: false, cached: undefined, current: 42, hash: '7', reason: 'cache_miss' },
  { name: 'linux, hit flag without an entry', goOS: 'linux', hit: true, cached: undefined, current: 42, hash: '7', reason: 'cache_miss' },
  { name: 'linux, stale entry reported as miss', goOS: 'linux', hit: false, cached: clean, current: 42, hash: '7', reason: 'cache_miss' },
  { name: 'linux, serial 41 vs 42', goOS: 'linux', hit: true, cached: { serial: 41, metaHash: '7' }, current: 42, hash: '7', reason: 'serial_mismatch' },
  { name: 'linux, serial 43 vs 42', goOS: 'linux', hit: true, cached: { serial: 43, metaHash: '7' }, current: 42, hash: '7', reason: 'serial_mismatch' },
  { name: 'linux, meta hash 7 vs 9', goOS: 'linux', hit: true, cached: clean, current: 42, hash: '9', reason: 'meta_mismatch' },
  { name: 'linux, serial and meta both differ', goOS: 'linux', hit: true, cached: { serial: 41, metaHash: '7' }, current: 42, hash: '9', reason: 'serial_mismatch' },
  { name: 'linux, clean hit', goOS: 'linux', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: 'darwin, clean hit', goOS: 'darwin', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: 'windows, clean hit', goOS: 'windows', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: 'ios, clean hit', goOS: 'ios', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: 'linux, cached serial 0 = current 0', goOS: 'linux', hit: true, cached: { serial: 0, metaHash: '7' }, current: 0, hash: '7', reason: 'zero_serial' },
  { name: 'linux, cached serial 0, current 42', goOS: 'linux', hit: true, cached: { serial: 0, metaHash: '7' }, current: 42, hash: '7', reason: 'zero_serial' },
  { name: 'empty GoOS, clean hit', goOS: '', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: 'GoOS merely containing android', goOS: 'androidx', hit: true, cached: clean, current: 42, hash: '7', reason: null },
  { name: '64-bit hashes compared exactly', goOS: 'linux', hit: true, cached: { serial: 1, metaHash: '18446744073709551615' }, current: 1, hash: '18446744073709551614', reason: 'meta_mismatch' },
  { name: 'entry from generation 2, peer at 3', goOS: 'linux', hit: true, cached: { ...clean, loginGeneration: 2 }, current: 42, hash: '7', gen: 3, reason: 'login_mismatch' },
  { name: 'entry without a generation, peer at 1', goOS: 'linux', hit: true, cached: clean, current: 42, hash: '7', gen: 1, reason: 'login_mismatch' },
  { name: 'entry without a generation, peer at 0', goOS: 'linux', hit: true, cached: clean, current: 42, hash: '7', gen: 0, reason: null },
  { name: 'same generation, clean hit', goOS: 'linux', hit: true, cached: { ...clean, loginGeneration: 3 }, current: 42, hash: '7', gen: 3, reason: null },
  { name: 'generation and serial both differ', goOS: 'linux', hit: true, cached: { serial: 41, metaHash: '7', loginGeneration: 2 }, current: 42, hash: '7', gen: 3, reason: 'login_mismatch' },
  { name: 'android wins over a generation mismatch', goOS: 'android', hit: true, cached: clean, current: 42, hash: '7', gen: 5, reason: 'android' },
];

test('slowPathReason and shouldSkipNetworkMap over the decision table', () => {
  for (const c of cases) {
    assert.equal(slowPathReason(c.goOS, c.hit, c.cached, c.current, c.hash, c.gen), c.reason, c.name);
    assert.equal(shouldSkipNetworkMap(c.goOS, c.hit, c.cached, c.current, c.hash, c.gen), c.reason === null, c.name);
  }
});
