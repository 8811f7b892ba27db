/**
 * `npm run bench -- --networks`: what the Networks feature costs the map computation, in
 * process (no server, no sockets). One account of N peers in 50 groups with a policy per group
 * pair (the bench's `groups` mode), built twice: plain, and with 50 networks holding 200
 * resources, each network routed by a peer group of two, each resource group reachable from one
 * peer group. Measures per-peer map time over every peer, and the fan-out of one resource change
 * (the peers the domain pushes to, and the time to recompute their maps) against a policy
 * change in the plain account (pushed to every peer).
 */
import { performance } from 'node:perf_hooks';
import type { AccountSnapshot, NetworkResource } from '../../src/domain/model.js';
import { networkChangeScope } from '../../src/domain/networks/network-change-scope.js';
import { computeNetworkMap } from '../../src/netmap/index.js';
import { accountBuilder } from '../../src/netmap/fixtures/account-builder.js';
import { groupPairs } from '../seed-bench-account.js';

export interface NetworksComputeOptions {
  readonly peers: number;
  readonly groups?: number;
  readonly networks?: number;
  readonly resourcesPerNetwork?: number;
}

export interface ComputeCase {
  readonly label: string;
  /** First map of a fresh snapshot (includes building the per-snapshot index). */
  readonly firstMapMs: number;
  /** Mean over every peer's map, index already built. */
  readonly perPeerMs: number;
  readonly routes: number;
  /** Peers the change is pushed to, and the time to compute all their maps on the new snapshot. */
  readonly fanOutPeers: number;
  readonly fanOutMs: number;
}

const DNS = 'netbird.selfhosted';
const pad = (i: number) => String(i).padStart(6, '0');

function account(o: Required<NetworksComputeOptions>, withNetworks: boolean, moved = false): AccountSnapshot {
  const b = accountBuilder();
  const members: string[][] = Array.from({ length: o.groups }, () => []);
  for (let i = 0; i < o.peers; i++) {
    b.peer(`p${pad(i)}`);
    members[i % o.groups]!.push(`p${pad(i)}`);
  }
  members.forEach((m, g) => b.group(`g${g}`, m));
  for (const [x, y] of groupPairs(o.groups)) b.policy(`pol-${x}-${y}`, { rules: [{ sources: [`g${x}`], destinations: [`g${y}`], bidirectional: true }] });
  if (!withNetworks) return b.build();
  for (let n = 0; n < o.networks; n++) {
    const g = n % o.groups;
    b.group(`routers-${n}`, members[g]!.slice(0, 2)).group(`res-${n}`, []);
    b.networkRouter(`rt-${n}`, { networkId: `net-${n}`, peerGroups: [`routers-${n}`], metric: 100 + n, masquerade: true });
    for (let r = 0; r < o.resourcesPerNetwork; r++) {
      const third = moved && n === 0 && r === 0 ? 99 : r;
      b.networkResource(`res-${n}-${r}`, { networkId: `net-${n}`, groups: [`res-${n}`], prefix: `10.${n}.${third}.0/24` });
    }
    b.policy(`to-net-${n}`, { rules: [{ sources: [`g${(g + 1) % o.groups}`], destinations: [`res-${n}`], protocol: 'tcp', ports: ['443'] }] });
  }
  return b.build();
}

function mapsOf(snapshot: AccountSnapshot, peerIds: readonly string[]): { ms: number; routes: number } {
  const now = Date.now();
  let routes = 0;
  const t0 = performance.now();
  for (const peerId of peerIds) routes += computeNetworkMap({ snapshot, peerId, now, dnsDomain: DNS }).routes.length;
  return { ms: performance.now() - t0, routes };
}

function measure(label: string, before: AccountSnapshot, after: AccountSnapshot, fanOut: readonly string[]): ComputeCase {
  const ids = before.peers.map((p) => p.id);
  const t0 = performance.now();
  computeNetworkMap({ snapshot: before, peerId: ids[0]!, now: Date.now(), dnsDomain: DNS });
  const firstMapMs = performance.now() - t0;
  const all = mapsOf(before, ids);
  const pushed = mapsOf(after, fanOut);
  return { label, firstMapMs, perPeerMs: all.ms / ids.length, routes: all.routes, fanOutPeers: fanOut.length, fanOutMs: pushed.ms };
}

const stateOf = (s: AccountSnapshot) => ({ groups: s.groups, policies: s.policies, resources: s.networkResources ?? [], routers: s.networkRouters ?? [] });

/** Both cases; the plain account's change is a policy update, pushed to every peer. */
export function runNetworksCompute(opts: NetworksComputeOptions): ComputeCase[] {
  const o = { groups: 50, networks: 50, resourcesPerNetwork: 4, ...opts };
  const plain = account(o, false);
  const plainAfter = { ...plain, policies: plain.policies.map((p, i) => (i === 0 ? { ...p, description: 'changed' } : p)) };
  const withNets = account(o, true);
  const moved = account(o, true, true);
  const changed = (moved.networkResources ?? []).find((r: NetworkResource) => r.id === 'res-0-0')!;
  const scope = networkChangeScope(changed.networkId, stateOf(withNets), stateOf(moved));
  return [
    measure('plain (policy change)', plain, plainAfter, plain.peers.map((p) => p.id)),
    measure(`${o.networks} networks, ${o.networks * o.resourcesPerNetwork} resources (resource change)`, withNets, moved, scope),
  ];
}

/** The cases as a Markdown table with the ratio to the plain account. */
export function networksComputeTable(cases: readonly ComputeCase[]): string {
  const base = cases[0]!;
  const rows = cases.map((c) =>
    `| ${c.label} | ${c.firstMapMs.toFixed(1)} | ${c.perPeerMs.toFixed(3)} | ${(c.perPeerMs / base.perPeerMs).toFixed(2)}× | ${c.routes} | ${c.fanOutPeers} | ${c.fanOutMs.toFixed(0)} |`,
  );
  return ['| account | first map ms | map ms/peer | vs plain | routes (all maps) | fan-out peers | fan-out compute ms |', '|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}
