import { formatTable } from '../format-table.js';
import type { ReplicaPhase, ReplicasResult } from './replicas.js';

const s = (ms: number) => (ms / 1000).toFixed(2);
const ms = (v: number) => v.toFixed(0);

function row(name: string, p: ReplicaPhase | undefined, notes: string): string[] {
  if (!p) return [name, 'FAILED', '', '', '', '', notes];
  return [name, s(p.wallMs), ms(p.p50Ms), ms(p.p99Ms), p.serverCpuSeconds.toFixed(2), p.generatorCpuSeconds.toFixed(2), notes];
}

/** The replicas scenario of one peer count as a Markdown table, one row per phase. */
export function replicasTable(r: ReplicasResult): string {
  const lag = r.fanOut?.busLagMs.map((l, i) => `process ${i + 1}: ${l === undefined ? '-' : `${l.toFixed(1)} ms`}`).join(', ');
  const rows = [
    row('cold connect (slow path)', r.cold, r.cold ? `${r.cold.retries} retries` : ''),
    row('fan-out of one REST change', r.fanOut, r.fanOut ? `PUT through process 1: ${ms(r.fanOut.changeMs)} ms; bus lag ${lag}` : ''),
    row(`kill -9 of process ${r.replicas}, its peers served elsewhere`, r.failover, r.failover ? `${r.failover.moved} peers moved; fast path ${r.failover.paths.fast}, slow ${r.failover.paths.slow}` : ''),
  ];
  const title = `Replicas: ${r.peers} peers over ${r.replicas} \`roost serve\` processes, one PostgreSQL + Redis (bus, peer-sync cache); registered in ${s(r.registerMs)} s; case ${s(r.caseMs)} s`;
  return `${title}\n\n${formatTable(['phase', 'wall s', 'p50 ms', 'p99 ms', 'server CPU s (all)', 'generator CPU s', 'notes'], rows, new Set([1, 2, 3, 4, 5]))}`;
}
