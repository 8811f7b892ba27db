import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError, RoostError } from '../domain/errors.js';
import { isUniqueViolation } from '../domain/ports/unique-violation.js';
import { DB_UNAVAILABLE_MESSAGE, translateDbError } from './translate-db-error.js';

const driverError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields['message'] ?? 'x')), fields);

test('translateDbError: unique violations, lost connections, everything else untouched', () => {
  const refused = driverError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
  const out = translateDbError(refused);
  assert.ok(isRoostError(out, 'Unavailable'));
  assert.equal(out.message, DB_UNAVAILABLE_MESSAGE);
  assert.equal(out.cause, refused, 'the driver error stays reachable for logs');

  assert.ok(isRoostError(translateDbError(driverError({ code: '57P01', message: 'terminating connection due to administrator command' })), 'Unavailable'));
  assert.ok(isRoostError(translateDbError(new Error('Connection terminated unexpectedly')), 'Unavailable'));
  assert.ok(isUniqueViolation(translateDbError(driverError({ code: '23505', constraint: 'peers_pkey' })), 'primary-key'));

  const domain = new RoostError('NotFound', 'Connection terminated'); // a domain error is never reclassified
  assert.equal(translateDbError(domain), domain);
  const syntax = driverError({ code: '42601' });
  assert.equal(translateDbError(syntax), syntax);
  assert.equal(translateDbError('boom'), 'boom');
});
