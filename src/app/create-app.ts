import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as GrpcServer } from '@grpc/grpc-js';
import type { Config } from '../config/config.js';
import { ServerEnvelope } from '../crypto/envelope.js';
import { loadOrCreateServerKey } from '../crypto/server-key-file.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { bindGrpcServer, createGrpcServer } from '../grpc/create-grpc-server.js';
import { createRegistry } from '../metrics/create-registry.js';
import { createMetricsServer } from '../metrics/metrics-server.js';
import { createLogger, type Logger } from './create-logger.js';

/** What tests may replace (STYLE.md habit 3); production passes nothing. */
export interface AppOverrides {
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export interface BoundPorts {
  readonly grpc: number;
  readonly metrics: number;
}

export interface App {
  readonly serverPublicKey: string;
  start(): Promise<BoundPorts>;
  /** Graceful: stops accepting, ends streams, closes the store. Idempotent. */
  stop(): Promise<void>;
}

/**
 * THE composition root: config → keys → metrics → servers, in this visible order. Nothing is
 * listening until `start()`.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.logger ?? createLogger(config.logLevel);
  const serverKey = loadOrCreateServerKey(config.dataDir);
  const envelope = new ServerEnvelope(serverKey);
  const registry = createRegistry();

  const grpcServer: GrpcServer = createGrpcServer({ envelope, clock, log, sessions: {} });
  const metricsServer: HttpServer = createMetricsServer(registry);

  let stopped: Promise<void> | undefined;
  return {
    serverPublicKey: envelope.publicKeyText,
    async start() {
      const grpc = await bindGrpcServer(grpcServer, { host: config.host, port: config.grpcPort, tls: config.tls });
      log.info({ grpc, host: config.host }, `grpc listening on ${config.host}:${grpc}`);
      const metrics = await listenHttp(metricsServer, config.host, config.metricsPort);
      log.info({ metrics }, `metrics listening on ${config.host}:${metrics}`);
      return { grpc, metrics };
    },
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => grpcServer.tryShutdown(() => resolve()));
        await closeHttp(metricsServer);
        log.info('stopped');
        log.flush?.();
      })();
      return stopped;
    },
  };
}

function listenHttp(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeHttp(server: HttpServer): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
