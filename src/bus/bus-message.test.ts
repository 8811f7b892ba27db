import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBusMessage, encodeBusMessage, encodeReconcileRequest, type BusMessage } from './bus-message.js';

const full: BusMessage = {
  origin: 'p1',
  sentAt: 1_700_000_000_000,
  change: {
    accountId: 'acc',
    serial: 7,
    peers: ['a', 'b'],
    deletedPeers: [{ id: 'd', key: 'dk' }],
    updatedPeers: [{ id: 'u', key: 'uk', loginGeneration: 3 }],
  },
};

test('a message survives the trip, local-only flags stay home', () => {
  assert.deepEqual(decodeBusMessage(encodeBusMessage(full)), full);
  const all: BusMessage = { origin: 'p2', sentAt: 1, change: { accountId: 'x', serial: 0, peers: 'all', remote: true, resync: true } };
  assert.deepEqual(decodeBusMessage(encodeBusMessage(all)), { origin: 'p2', sentAt: 1, change: { accountId: 'x', serial: 0, peers: 'all' } });
});

test('a reconcile request survives the trip; with a change it is not one', () => {
  assert.deepEqual(decodeBusMessage(encodeReconcileRequest({ origin: 'p3', sentAt: 5 })), { origin: 'p3', sentAt: 5, reconcile: true });
  const both = JSON.stringify({ v: 1, origin: 'p', sentAt: 1, reconcile: true, change: { accountId: 'a', serial: 1, peers: 'all' } });
  assert.deepEqual(decodeBusMessage(both), { origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: 'all' } });
});

test('what is not a message is dropped', () => {
  const cases: [string, string][] = [
    ['not json', '{'],
    ['other version', JSON.stringify({ v: 2, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: 'all' } })],
    ['no origin', JSON.stringify({ v: 1, sentAt: 1, change: { accountId: 'a', serial: 1, peers: 'all' } })],
    ['serial text', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: '1', peers: 'all' } })],
    ['peers other', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: 'some' } })],
    ['peer ids not text', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: [1] } })],
    ['deleted without key', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: [], deletedPeers: [{ id: 'x' }] } })],
    ['updated without generation', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, change: { accountId: 'a', serial: 1, peers: [], updatedPeers: [{ id: 'x', key: 'k' }] } })],
    ['array', '[]'],
    ['reconcile not true', JSON.stringify({ v: 1, origin: 'p', sentAt: 1, reconcile: 'yes' })],
  ];
  for (const [name, text] of cases) assert.equal(decodeBusMessage(text), undefined, name);
});
