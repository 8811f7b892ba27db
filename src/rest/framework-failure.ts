import { errorBody, type HttpFailure } from './errors.js';

/** The parts of a fastify/ajv error the mapping reads. */
export interface FrameworkErrorLike {
  readonly message: string;
  readonly code?: string;
  readonly statusCode?: number;
  readonly validation?: readonly { readonly keyword: string; readonly instancePath: string; readonly message?: string }[];
  readonly validationContext?: string;
}

/** Upstream's answer when the body does not decode into the request struct. */
export const UNPARSABLE_BODY = "couldn't parse JSON request";

/**
 * Fixed messages for router errors whose own message would echo the (possibly huge or
 * undecodable) URL back.
 */
const MESSAGE_BY_CODE: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'malformed URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URI too long',
};

/**
 * Maps errors raised by the framework before a handler runs. Upstream decodes bodies with Go's
 * `encoding/json` and validates afterwards, so we mirror its split: a value of the wrong JSON
 * type (or unparsable JSON) is a 400 "couldn't parse JSON request"; a missing or otherwise
 * invalid field is a 422 like the handler checks that follow decoding. Other 4xx framework
 * errors keep their status. Returns undefined for anything that is not a framework error.
 */
export function frameworkFailureOf(err: FrameworkErrorLike): HttpFailure | undefined {
  if (err.validation !== undefined && err.validation.length > 0) {
    const isBody = (err.validationContext ?? 'body') === 'body';
    if (err.validation.some((v) => v.keyword === 'type')) return failure(400, isBody ? UNPARSABLE_BODY : err.message);
    const first = err.validation[0]!;
    const where = `${err.validationContext ?? 'body'}${first.instancePath.replaceAll('/', '.')}`;
    return failure(422, `${where} ${first.message ?? 'is invalid'}`);
  }
  const status = err.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const fixed = err.code === undefined ? undefined : MESSAGE_BY_CODE[err.code];
  if (fixed !== undefined) return failure(status, fixed);
  return failure(status, err.code?.startsWith('FST_ERR_CTP_') && status === 400 ? UNPARSABLE_BODY : err.message);
}

const failure = (status: number, message: string): HttpFailure => ({ status, body: errorBody(status, message), unexpected: false });
