import { UNPARSABLE_BODY } from './framework-failure.js';

/** A body that is not JSON; fastify answers it with `statusCode`. */
export class UnparsableBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'ROOST_UNPARSABLE_BODY';
  constructor(cause: unknown) {
    super(UNPARSABLE_BODY, { cause });
  }
}

/**
 * Drops object members whose value is `null`, recursively. Go's decoder treats `null` as "leave
 * the zero value", so `{"description": null}` means the same as leaving it out — and then a
 * required member reads as missing (422), not as the wrong type (400).
 */
export function dropNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullMembers);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNullMembers(v);
  return out;
}

/**
 * Parses a request body as JSON whatever its content type (upstream ignores it, and `curl -d`
 * sends a form type). An empty body is "no body" (DELETE requests often carry a JSON content
 * type and nothing else).
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return dropNullMembers(JSON.parse(text));
  } catch (err) {
    throw new UnparsableBodyError(err);
  }
}
