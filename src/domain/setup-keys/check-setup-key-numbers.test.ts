import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRoostError } from '../errors.js';
import { API_MIN_EXPIRES_IN, MAX_EXPIRES_IN, MAX_USAGE_LIMIT, checkSetupKeyNumbers } from './check-setup-key-numbers.js';

const LIFETIME = 'expiresIn should be between 1 day and 365 days';
const USAGE = `usage limit should be between 0 (unlimited) and ${MAX_USAGE_LIMIT}`;

test('checkSetupKeyNumbers: each bound, just inside and just outside', () => {
  const cases: [string, number, number, number, string | undefined][] = [
    ['never expires', 0, 0, API_MIN_EXPIRES_IN, undefined],
    ['one day', API_MIN_EXPIRES_IN, 0, API_MIN_EXPIRES_IN, undefined],
    ['just under a day (API)', API_MIN_EXPIRES_IN - 1, 0, API_MIN_EXPIRES_IN, LIFETIME],
    ['one second (internal)', 1, 0, 1, undefined],
    ['a year', MAX_EXPIRES_IN, 0, API_MIN_EXPIRES_IN, undefined],
    ['a year and a second', MAX_EXPIRES_IN + 1, 0, 1, LIFETIME],
    ['past the JS date range', 8_640_000_000_000, 0, 1, LIFETIME],
    ['negative', -1, 0, 1, 'expiresIn can not be in the past'],
    ['fractional', 1.5, 0, 1, 'expiresIn must be a whole number of seconds'],
    ['largest usage limit', 0, MAX_USAGE_LIMIT, 1, undefined],
    ['usage limit past 32 bits', 0, MAX_USAGE_LIMIT + 1, 1, USAGE],
    ['negative usage limit', 0, -1, 1, USAGE],
    ['fractional usage limit', 0, 1.5, 1, USAGE],
  ];
  for (const [name, expiresIn, usageLimit, min, message] of cases) {
    if (message === undefined) checkSetupKeyNumbers({ expiresIn, usageLimit }, min);
    else assert.throws(() => checkSetupKeyNumbers({ expiresIn, usageLimit }, min), (e: unknown) => isRoostError(e, 'InvalidArgument') && e.message === message, name);
  }
});
