import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { readyStatus, type ReadinessCheck } from './ready-status.js';

/**
 * Serves `GET /metrics` in Prometheus text format and `GET /ready` (200 when every readiness
 * check answers — the store, the change bus — else 503, for load balancers); everything else
 * is 404.
 */
export function createMetricsServer(registry: Registry, readiness: Readonly<Record<string, ReadinessCheck>> = {}): Server {
  return createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/ready' || req.url?.startsWith('/ready?'))) {
      void readyStatus(readiness, 2_000).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(body);
      });
      return;
    }
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        (err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
}
