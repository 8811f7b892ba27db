import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLogLevel } from './parse-log-level.js';
import { logLevelFor } from './run-log-level-overrider.js';

test('parseLogLevel accepts level names in any case, warning meaning warn', () => {
  const table: ReadonlyArray<readonly [string, string | undefined]> = [
    ['trace', 'trace'],
    ['debug', 'debug'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['warning', 'warn'],
    ['WARNING', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
    [' Debug \n', 'debug'],
    ['', undefined],
    ['verbose', undefined],
    ['panic', undefined],
    ['silent', undefined],
    ['10', undefined],
    ['info,debug', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
  ];
  for (const [value, want] of table) assert.equal(parseLogLevel(value), want, JSON.stringify(value));
});

test('logLevelFor: missing or empty value restores the configured level; junk is invalid', () => {
  const table: ReadonlyArray<readonly [string | null, string]> = [
    [null, 'info'],
    ['', 'info'],
    ['  ', 'info'],
    ['debug', 'debug'],
    ['Warning', 'warn'],
    ['loud', 'invalid'],
  ];
  for (const [value, want] of table) assert.equal(logLevelFor(value, 'info'), want, JSON.stringify(value));
});
