/**
 * `npm run bench [-- options]`: the issue-#6 load benchmark. Runs `roost serve` in its own
 * process for every policy mode × peer count, drives it with simulated peers from this
 * process, and prints one Markdown table plus notes, target verdicts and (with --profile)
 * the top self-time functions per phase. Exits non-zero on errors only — never on timings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './bench-args.js';
import { ServerUnderTest } from './server-under-test.js';
import { pathViolations } from './case-checks.js';
import { evaluateTargets } from './issue-targets.js';
import { caseNotes, profileTable, registrationTable, resultsTable, targetInput } from './results-table.js';
import { runBenchCase, type CaseResult } from './run-bench-case.js';
import { formatTable } from './format-table.js';
import { countSyncSql, type PathSql } from './count-sync-sql.js';
import { runSsoLoginPhase, ssoLoginTable, type SsoLoginResult } from './sso-login-phase.js';
import { runTargetCase } from './run-target-case.js';
import { targetFanOut } from './target-fan-out.js';
import { targetMemoryLine, targetResultsTable } from './target-results-table.js';
import { TargetServer } from './target-server.js';
import { networksComputeTable, runNetworksCompute } from './scenarios/networks-compute.js';
import { runReplicasCase, type ReplicasResult } from './scenarios/replicas.js';
import { replicasTable } from './scenarios/replicas-table.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Max open files of this process: every per-peer connection is one descriptor. */
function openFileLimit(): number {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return !m || m[1] === 'unlimited' ? Infinity : Number(m[1]);
}

async function runAll(args: BenchArgs): Promise<{ cases: CaseResult[]; errors: string[] }> {
  const cases: CaseResult[] = [];
  const errors: string[] = [];
  const limit = openFileLimit();
  for (const peers of args.peers) {
    if (args.connections.kind === 'per-peer' && peers + 200 > limit) {
      errors.push(`N=${peers}: needs ~${peers + 200} file descriptors, ulimit -n is ${limit}; raise it or use --connections K`);
      continue;
    }
    for (const mode of args.modes) {
      log(`case ${mode} N=${peers}`);
      try {
        const c = await runBenchCase({
          mode,
          peers,
          concurrency: args.concurrency ?? peers,
          registerConcurrency: args.registerConcurrency,
          singleReconnects: args.singleReconnects,
          deadlineMs: args.deadlineMs,
          connections: args.connections,
          newConnections: args.newConnections,
          verify: args.verify,
          fanOutChange: args.fanOutChange,
          redisAddress: args.redisAddress,
          profileDir: args.profileDir,
          log,
        });
        cases.push(c);
        const violations = pathViolations({
          peers,
          singleReconnects: args.singleReconnects,
          stormFast: c.stormFast?.paths,
          stormSlow: c.stormSlow?.paths,
          singleFast: c.singleFast?.paths,
          singleSlow: c.singleSlow?.paths,
          restart: c.steady?.restart.paths,
        });
        errors.push(...violations.map((v) => `${mode} N=${peers}: ${v}`));
        if (c.errorCount > 0) errors.push(`${mode} N=${peers}: ${c.errorCount} stream error(s): ${c.errors.join('; ')}`);
        log(`  done in ${(c.caseMs / 1000).toFixed(1)} s`);
      } catch (err) {
        errors.push(`${mode} N=${peers}: ${(err as Error).stack ?? String(err)}`);
        log(`  FAILED: ${(err as Error).message}`);
      }
    }
  }
  return { cases, errors };
}

/** The statements of one reconnect, as a Markdown table. */
function sqlTable(sql: { fast: PathSql; slow: PathSql }): string {
  const rows = (['fast', 'slow'] as const).flatMap((path) =>
    (['critical', 'behind'] as const).flatMap((when) => sql[path][when].statements.map((x) => [path, when === 'critical' ? 'before the answer' : 'batched behind it', String(x.count), `\`${x.sql}\``])),
  );
  const n = (p: PathSql) => `${p.critical.total} before the answer + ${p.behind.total} behind it`;
  return `SQL statements per reconnect (in-process server, SQLite): fast path ${n(sql.fast)}; slow path ${n(sql.slow)}\n\n${formatTable(['path', 'when', 'times', 'statement'], rows, new Set([2]))}`;
}

function report(args: BenchArgs, cases: readonly CaseResult[], sql: { fast: PathSql; slow: PathSql } | undefined, sso: SsoLoginResult | undefined, errors: readonly string[]): string {
  const out: string[] = [resultsTable(cases), '', registrationTable(cases), ''];
  for (const c of cases) {
    out.push(`- ${caseNotes(c)}`);
    for (const line of c.serverLog.samples) out.push(`  - server log: \`${line}\``);
  }
  const verdicts = evaluateTargets(cases.map(targetInput));
  if (verdicts.length > 0) {
    const yes = (m: boolean | null) => (m === null ? 'reported' : m ? 'met' : 'NOT met');
    out.push('', formatTable(['issue #6 target', 'policy', 'measured', 'verdict'], verdicts.map((v) => [v.target, v.mode, v.measured, yes(v.met)])));
  }
  if (sql) out.push('', sqlTable(sql));
  if (sso) out.push('', ssoLoginTable(sso));
  if (args.profileDir) {
    for (const c of cases) {
      if (!c.profiles) continue;
      out.push('', `CPU profile ${c.mode} N=${c.peers}: ${c.profiles.file}`, '');
      const phases = [['cold connect', c.profiles.coldConnect], ['storm, fast path on', c.profiles.stormFast], ['storm, fast path off', c.profiles.stormSlow], ['fan-out', c.profiles.fanOut]] as const;
      for (const [title, r] of phases) {
        if (!r) continue;
        out.push(profileTable(`${title}, self time`, r.self), '');
        out.push(profileTable(`${title}, inclusive time of src/ functions`, r.inclusiveSrc, 'total ms'), '');
      }
    }
  }
  if (errors.length > 0) out.push('', `ERRORS (${errors.length}):`, ...errors.map((e) => `- ${e}`));
  return out.join('\n');
}

/**
 * `--target`: the phases against a server the bench did not start. Roost-only parts (seeding,
 * the fast-path switch, the SQL count, the SSO phase) are left out and the table says so.
 */
async function runTargetMode(args: BenchArgs, target: NonNullable<BenchArgs['target']>): Promise<number> {
  let server: TargetServer;
  try {
    server = TargetServer.open(target);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  const peers = args.peers[0]!;
  log(`target ${target.address}, N=${peers}`);
  const r = await runTargetCase({
    server,
    peers,
    setupKey: target.setupKey,
    registerConcurrency: args.registerConcurrency,
    concurrency: args.concurrency ?? peers,
    singleReconnects: args.singleReconnects,
    deadlineMs: args.deadlineMs,
    connections: args.connections,
    verify: args.verify,
    fanOut: targetFanOut(target, args.fanOutChange),
    log,
  });
  const cpu = target.serverPid !== undefined ? `/proc/${target.serverPid}` : target.metricsUrl ? `process_cpu_seconds_total at ${target.metricsUrl} (when exposed)` : 'not measured (no --server-pid or --metrics-url)';
  const out = [
    `Target ${target.address}: already running, not started or stopped by the bench. Account and policies: as found on the server — the bench does not seed it; its ${peers} peers (+1 with --fan-out-change peer) stay registered there. Server CPU and RSS from ${cpu}.`,
    '',
    targetResultsTable(r.phases),
    '',
    `- ${targetMemoryLine(r.idleRssBytes, r.streamsRssBytes, peers)}`,
  ];
  if (r.errorCount > 0) out.push('', `ERRORS (${r.errorCount}):`, ...r.errors.map((e) => `- ${e}`));
  process.stdout.write(`${out.join('\n')}\n`);
  if (args.jsonFile) writeFileSync(args.jsonFile, JSON.stringify({ args, target: r }, null, 2));
  return r.errorCount > 0 ? 1 : 0;
}

/** `--replicas R`: the replicas scenario for each peer count, one table each; nothing else runs. */
async function runReplicasMode(args: BenchArgs, replicas: number): Promise<number> {
  const results: ReplicasResult[] = [];
  const errors: string[] = [];
  const limit = openFileLimit();
  for (const peers of args.peers) {
    if (args.connections.kind === 'per-peer' && peers + 200 > limit) {
      errors.push(`N=${peers}: needs ~${peers + 200} file descriptors, ulimit -n is ${limit}; raise it or use --connections K`);
      continue;
    }
    log(`replicas R=${replicas} N=${peers}`);
    try {
      const r = await runReplicasCase({
        peers,
        replicas,
        concurrency: args.concurrency ?? peers,
        registerConcurrency: args.registerConcurrency,
        deadlineMs: args.deadlineMs,
        connections: args.connections,
        verify: args.verify,
        redisAddress: args.redisAddress,
        log,
      });
      results.push(r);
      if (r.errorCount > 0) errors.push(`replicas N=${peers}: ${r.errorCount} error(s): ${r.errors.join('; ')}`);
    } catch (err) {
      errors.push(`replicas N=${peers}: ${(err as Error).stack ?? String(err)}`);
    }
  }
  const out = results.map(replicasTable);
  if (errors.length > 0) out.push(`ERRORS (${errors.length}):\n${errors.map((e) => `- ${e}`).join('\n')}`);
  process.stdout.write(`${out.join('\n\n')}\n`);
  if (args.jsonFile) writeFileSync(args.jsonFile, JSON.stringify({ args, replicas: results, errors }, null, 2));
  return errors.length > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  if (args.target) return runTargetMode(args, args.target);
  ServerUnderTest.fromDist = args.server === 'dist';
  if (args.networks) {
    const peers = argv.includes('--peers') ? Math.max(...args.peers) : 5000;
    log(`networks scenario, ${peers} peers`);
    process.stdout.write(`${networksComputeTable(runNetworksCompute({ peers }))}\n`);
    return 0;
  }
  if (args.replicas !== undefined) return runReplicasMode(args, args.replicas);
  if (args.profileDir) mkdirSync(args.profileDir, { recursive: true });
  const { cases, errors } = await runAll(args);
  let sql: { fast: PathSql; slow: PathSql } | undefined;
  try {
    sql = await countSyncSql();
  } catch (err) {
    errors.push(`counting SQL statements: ${(err as Error).stack ?? String(err)}`);
  }
  let sso: SsoLoginResult | undefined;
  try {
    log('SSO login phase');
    // At most 1,000 peers: enough for a per-Login figure, and the JWT Logins all go through one account.
    sso = await runSsoLoginPhase({ peers: Math.min(1000, Math.max(...args.peers)), concurrency: args.registerConcurrency, log });
  } catch (err) {
    errors.push(`SSO login phase: ${(err as Error).stack ?? String(err)}`);
  }
  process.stdout.write(`${report(args, cases, sql, sso, errors)}\n`);
  if (args.jsonFile) writeFileSync(args.jsonFile, JSON.stringify({ args, cases, sql, sso, errors }, null, 2));
  return errors.length > 0 ? 1 : 0;
}

// Exit explicitly: after a failed phase, abandoned connection attempts and their timers
// must not keep the process (and a CI job) waiting.
main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`, () => process.exit(1));
  },
);
