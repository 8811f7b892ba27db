import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why HAProxy cannot be used here, or undefined; throws under CI=true (.ci/run installs it). */
export function haproxySkipReason(): string | undefined {
  const probe = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const reason = 'haproxy is not installed (Debian package haproxy)';
  if (process.env['CI'] === 'true') throw new Error(`${reason} (required when CI=true)`);
  return reason;
}

/**
 * The configuration the README's deployment section shows: plain TCP to every process's gRPC
 * port, each checked through `GET /ready` on its metrics port, so a dead or draining process
 * leaves the rotation within a check or two.
 */
export function haproxyConfig(listenPort: number, backends: readonly { grpc: number; metrics: number }[]): string {
  return [
    'defaults',
    '  mode tcp',
    '  timeout connect 2s',
    '  timeout client 1h',
    '  timeout server 1h',
    '  retries 3',
    '  option redispatch',
    'frontend netbird_grpc',
    `  bind 127.0.0.1:${listenPort}`,
    '  default_backend roost',
    'backend roost',
    '  balance leastconn',
    '  option httpchk GET /ready',
    ...backends.map((b, i) => `  server roost${i} 127.0.0.1:${b.grpc} check port ${b.metrics} inter 500 fall 1 rise 2`),
    '',
  ].join('\n');
}

/** Runs HAProxy in the foreground on `config` (written into `dir`); stop with `kill`. */
export function startHaproxy(dir: string, config: string): ChildProcess {
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  return spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
}
