/**
 * Test support for the flag routines and their callers: an in-memory `RedisLike` that fails
 * or hangs on demand, a recording logger, and a deadline-bounded poll. Never imported by
 * production code.
 */
export { MemoryRedisDouble } from './memory-redis-double.js';
export { RecordingLogger } from './recording-logger.js';
export type { LogRecord } from './recording-logger.js';
export { eventually } from './eventually.js';
export { connectTestRedis, TEST_REDIS_ADDRESS } from './probe-redis.js';
