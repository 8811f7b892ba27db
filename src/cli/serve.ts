import { parseArgs } from 'node:util';
import { buildConfig, DEFAULTS, type ServeFlags } from '../config/config.js';
import { readEnvSettings } from '../config/env-settings.js';
import { loadManagementJson } from '../config/management-json.js';
import { localSecretCandidate } from '../config/local-secret.js';
import { createApp, type App } from '../app/create-app.js';
import { resolve } from 'node:path';
import { releaseYoungGeneration } from '../shared/startup-young-generation.js';

export const SERVE_USAGE = `Usage: roost serve [options]

Runs the management server until SIGINT/SIGTERM. With a change bus (NB_CHANGE_BUS_REDIS_ADDRESS)
it waits for Redis before serving (/ready answers 503 meanwhile); SIGTERM drains: /ready 503
(for NB_DRAIN_GRACE), streams ended so clients reconnect elsewhere, batched writes done, exit 0.

Options:
  --data-dir DIR       data directory (store, server key)          [${DEFAULTS.dataDir}]
  --config FILE        NetBird management.json (Stuns, TURNConfig, Relay, Signal, ...)
  --host H             listen address                              [${DEFAULTS.host}]
  --grpc-port N        gRPC port for NetBird clients (0 = free)     [${DEFAULTS.grpcPort}]
  --http-port N        REST admin API port (0 = free)              [${DEFAULTS.httpPort}]
  --metrics-port N     Prometheus /metrics port (0 = free)         [${DEFAULTS.metricsPort}]
  --log-level L        trace|debug|info|warn|error|fatal           [${DEFAULTS.logLevel}]
  -h, --help           this help
`;

const int = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`${name}: expected a number, got ${JSON.stringify(v)}`);
  return Number(v);
};

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      host: { type: 'string' },
      'grpc-port': { type: 'string' },
      'http-port': { type: 'string' },
      'metrics-port': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const env = readEnvSettings(process.env);
  const file = values.config ? loadManagementJson(values.config, process.env) : undefined;
  const flags: ServeFlags = {
    dataDir: values['data-dir'],
    host: values.host,
    grpcPort: int(values['grpc-port'], '--grpc-port'),
    httpPort: int(values['http-port'], '--http-port'),
    metricsPort: int(values['metrics-port'], '--metrics-port'),
    logLevel: values['log-level'],
  };
  const dataDir = resolve(flags.dataDir ?? file?.datadir ?? DEFAULTS.dataDir);
  // `roost serve` runs the embedded OpenID provider unless the file names an external IdP (IDENTITY.md §10).
  const config = buildConfig({ flags, env, file, localSecret: file ? '' : localSecretCandidate(dataDir), embeddedIdpByDefault: true });
  // Listened for from the start: SIGTERM while start-up waits for the database is a clean exit.
  const stopping = new AbortController();
  const onSignal = () => stopping.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let app: App;
  try {
    app = await createApp(config, {}, { signal: stopping.signal });
  } catch (err) {
    if (stopping.signal.aborted) return 0;
    throw err;
  }
  try {
    // Waits for the change bus's Redis (if any) before serving; SIGTERM meanwhile is a clean exit.
    await app.start();
    releaseYoungGeneration();
  } catch (err) {
    await app.stop();
    if (stopping.signal.aborted) return 0;
    throw err;
  }
  if (!stopping.signal.aborted) await new Promise((resolveSignal) => stopping.signal.addEventListener('abort', resolveSignal, { once: true }));
  await app.stop();
  return 0;
}
