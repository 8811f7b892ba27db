import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConnectionLoss } from './is-connection-loss.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('isConnectionLoss: connection-level failures yes, query and configuration errors no', () => {
  const cyclic: { cause?: unknown } = {};
  cyclic.cause = cyclic;
  const cases: [string, unknown, boolean][] = [
    ['refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['reset', withCode('ECONNRESET'), true],
    ['broken pipe', withCode('EPIPE'), true],
    ['socket timeout', withCode('ETIMEDOUT'), true],
    ['host unreachable', withCode('EHOSTUNREACH'), true],
    ['dns try again', withCode('EAI_AGAIN'), true],
    ['admin_shutdown (pg_terminate_backend)', withCode('57P01', 'terminating connection due to administrator command'), true],
    ['crash_shutdown', withCode('57P02'), true],
    ['cannot_connect_now (starting up)', withCode('57P03', 'the database system is starting up'), true],
    ['too many connections', withCode('53300'), true],
    ['connection_exception', withCode('08000'), true],
    ['connection_failure', withCode('08006'), true],
    ['protocol violation', withCode('08P01'), true],
    ['terminated unexpectedly', new Error('Connection terminated unexpectedly'), true],
    ['connect timeout (pool)', new Error('Connection terminated due to connection timeout'), true],
    ['pool slot timeout', new Error('timeout exceeded when trying to connect'), true],
    ['client connect timeout', new Error('timeout expired'), true],
    ['query read timeout', new Error('Query read timeout'), true],
    ['client not queryable', new Error('Client has encountered a connection error and is not queryable'), true],
    ['client closed', new Error('Client was closed and is not queryable'), true],
    ['kysely discarded', new Error('Postgres connection has been discarded'), true],
    ['aggregate of refusals', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'), {}), true],
    ['wrapped in cause', new Error('store migration failed', { cause: withCode('57P01') }), true],
    ['unique violation', withCode('23505', 'duplicate key value violates unique constraint'), false],
    ['syntax error', withCode('42601'), false],
    ['statement timeout (query cancelled, connection fine)', withCode('57014'), false],
    ['wrong password', withCode('28P01', 'password authentication failed'), false],
    ['database missing', withCode('3D000', 'database "x" does not exist'), false],
    ['sqlite busy', withCode('SQLITE_BUSY'), false],
    ['message only mentions it later', new Error('value "Connection terminated" too long'), false],
    ['numeric code', { code: 8000 }, false],
    ['string', 'ECONNREFUSED', false],
    ['null', null, false],
    ['cyclic cause', cyclic, false],
  ];
  for (const [name, err, want] of cases) assert.equal(isConnectionLoss(err), want, name);
});
