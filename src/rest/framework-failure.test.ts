import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameworkFailureOf, UNPARSABLE_BODY, type FrameworkErrorLike } from './framework-failure.js';

const v = (keyword: string, instancePath = '', message = 'is wrong') => ({ keyword, instancePath, message });

test('frameworkFailureOf splits decode errors (400) from invalid values (422)', () => {
  const cases: [string, FrameworkErrorLike, number | undefined, string | undefined][] = [
    ['wrong type', { message: 'm', validation: [v('type', '/name')], validationContext: 'body' }, 400, UNPARSABLE_BODY],
    ['type error wins over required', { message: 'm', validation: [v('required'), v('type', '/x')], validationContext: 'body' }, 400, UNPARSABLE_BODY],
    ['missing member', { message: 'm', validation: [v('required', '', "must have required property 'name'")], validationContext: 'body' }, 422, "body must have required property 'name'"],
    ['nested path', { message: 'm', validation: [v('minimum', '/rules/0/port', 'must be >= 1')], validationContext: 'body' }, 422, 'body.rules.0.port must be >= 1'],
    ['querystring type', { message: 'querystring/x must be string', validation: [v('type', '/x')], validationContext: 'querystring' }, 400, 'querystring/x must be string'],
    ['invalid JSON', { message: 'Body is not valid JSON', code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }, 400, UNPARSABLE_BODY],
    ['too large', { message: 'Request body is too large', code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 413, 'Request body is too large'],
    ['bad URL encoding', { message: "'/api/groups/%zz' is not a valid url component", code: 'FST_ERR_BAD_URL', statusCode: 400 }, 400, 'malformed URL'],
    ['long path parameter', { message: `'/api/groups/${'a'.repeat(200)}' is exceeding the max param length`, code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }, 414, 'URI too long'],
    ['our parser', { message: UNPARSABLE_BODY, code: 'ROOST_UNPARSABLE_BODY', statusCode: 400 }, 400, UNPARSABLE_BODY],
    ['server error', { message: 'x', statusCode: 500 }, undefined, undefined],
    ['no status', { message: 'x' }, undefined, undefined],
  ];
  for (const [name, err, status, message] of cases) {
    const got = frameworkFailureOf(err);
    assert.equal(got?.status, status, name);
    assert.equal(got?.body.message, message, name);
    if (got !== undefined) assert.equal(got.body.code, got.status, name);
  }
});
