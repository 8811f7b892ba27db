import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pino from 'pino';
import { buildConfig, type Config } from '../../src/config/config.js';
import { readEnvSettings } from '../../src/config/env-settings.js';
import type { ManagementJson } from '../../src/config/management-json.js';
import { createApp, type App, type AppOverrides, type BoundPorts } from '../../src/app/create-app.js';

export interface TestServer {
  readonly app: App;
  readonly config: Config;
  readonly ports: BoundPorts;
  /** `127.0.0.1:<grpc port>` */
  readonly grpcTarget: string;
  readonly dataDir: string;
  /** Stops the app; removes the data dir unless it was given. */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a data dir (e.g. to restart on the same store); a temp dir otherwise. */
  readonly dataDir?: string;
  /** Environment for readEnvSettings (defaults to an empty one: no Redis, SQLite). */
  readonly env?: Record<string, string | undefined>;
  /** management.json content, already parsed. */
  readonly file?: ManagementJson;
  readonly overrides?: AppOverrides;
}

/** Builds the real server in-process on free loopback ports. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'roost-test-'));
  const config = buildConfig({
    flags: { dataDir, host: '127.0.0.1', grpcPort: 0, httpPort: 0, metricsPort: 0, logLevel: 'warn' },
    env: readEnvSettings(opts.env ?? {}),
    file: opts.file,
    localSecret: 'test-local-secret',
  });
  const logger = pino({ level: process.env.ROOST_TEST_LOG ?? 'silent' });
  const app = await createApp(config, { logger, ...opts.overrides });
  const ports = await app.start();
  return {
    app,
    config,
    ports,
    grpcTarget: `127.0.0.1:${ports.grpc}`,
    dataDir,
    async stop() {
      await app.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
