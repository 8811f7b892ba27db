import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

/** The fastify instance routes are registered on: typed by the TypeBox provider. */
export type RestApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** Upstream answers successful deletes with an empty JSON object. */
export const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({});
