import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEnvSettings } from './env-settings.js';
import { isRoostError } from '../domain/errors.js';

test('the change-bus settings: address optional, prefix defaults to roost and is checked', () => {
  const none = readEnvSettings({});
  assert.equal(none.changeBusRedisAddress, undefined);
  assert.equal(none.changeBusRedisPrefix, 'roost');
  const set = readEnvSettings({ NB_CHANGE_BUS_REDIS_ADDRESS: ' 127.0.0.1:6379 ', NB_CHANGE_BUS_REDIS_PREFIX: 'test:a-1' });
  assert.equal(set.changeBusRedisAddress, '127.0.0.1:6379');
  assert.equal(set.changeBusRedisPrefix, 'test:a-1');
  for (const bad of ['has space', 'x'.repeat(65), 'a*b']) {
    assert.throws(() => readEnvSettings({ NB_CHANGE_BUS_REDIS_PREFIX: bad }), (e: unknown) => isRoostError(e, 'InvalidArgument') && /NB_CHANGE_BUS_REDIS_PREFIX/.test((e as Error).message), bad);
  }
});

test('NB_DRAIN_GRACE: a Go duration, none by default', () => {
  assert.equal(readEnvSettings({}).drainGraceMs, 0);
  assert.equal(readEnvSettings({ NB_DRAIN_GRACE: '3s' }).drainGraceMs, 3_000);
  assert.equal(readEnvSettings({ NB_DRAIN_GRACE: '1m30s' }).drainGraceMs, 90_000);
  assert.throws(() => readEnvSettings({ NB_DRAIN_GRACE: 'soon' }), (e: unknown) => isRoostError(e, 'InvalidArgument') && /NB_DRAIN_GRACE/.test((e as Error).message));
});

test('NB_AUDIT_EVENTS_RETENTION: Go duration, 0 (the default) keeps audit events forever, negative refused', () => {
  assert.equal(readEnvSettings({}).auditRetentionMs, 0);
  assert.equal(readEnvSettings({ NB_AUDIT_EVENTS_RETENTION: '2160h' }).auditRetentionMs, 2160 * 3_600_000);
  assert.equal(readEnvSettings({ NB_AUDIT_EVENTS_RETENTION: '0' }).auditRetentionMs, 0);
  assert.throws(() => readEnvSettings({ NB_AUDIT_EVENTS_RETENTION: '-1h' }), /NB_AUDIT_EVENTS_RETENTION/);
  assert.throws(() => readEnvSettings({ NB_AUDIT_EVENTS_RETENTION: 'a month' }), /NB_AUDIT_EVENTS_RETENTION/);
});
