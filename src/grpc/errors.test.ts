import { test } from 'node:test';
import assert from 'node:assert/strict';
import { status } from '@grpc/grpc-js';
import { RoostError } from '../domain/errors.js';
import { toGrpcError } from './errors.js';

test('toGrpcError: domain kinds keep their message, unknown errors are logged once as INTERNAL', () => {
  const cases: [string, unknown, status, string, number][] = [
    ['not found', new RoostError('NotFound', 'peer not found'), status.NOT_FOUND, 'peer not found', 0],
    ['unauthenticated reads as permission denied', new RoostError('Unauthenticated', 'no token'), status.PERMISSION_DENIED, 'no token', 0],
    ['database away', new RoostError('Unavailable', 'database unavailable'), status.UNAVAILABLE, 'database unavailable', 0],
    ['plain error', new Error('secret detail'), status.INTERNAL, 'failed handling request', 1],
  ];
  for (const [name, err, code, details, logs] of cases) {
    const logged: object[] = [];
    const out = toGrpcError(err, { error: (obj) => logged.push(obj) }, 'Login');
    assert.equal(out.code, code, name);
    assert.equal(out.details, details, name);
    assert.equal(logged.length, logs, name);
  }
});
