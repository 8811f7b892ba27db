import { Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance (tests build several apps in one process). */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
