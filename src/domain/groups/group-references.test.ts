import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NameServerGroup, NetworkRouter, Policy, Route, SetupKey, User } from '../model.js';
import { findGroupReferences, type GroupReferrers } from './group-references.js';

const none: GroupReferrers = { policies: [], routes: [], nameServerGroups: [], setupKeys: [], users: [], dnsSettings: { disabledManagementGroups: [] } };
const rule = { sources: [] as string[], destinations: [] as string[], authorizedGroups: {} as Record<string, string[]> };
const policy = (r: Partial<typeof rule>): Policy => ({ name: 'P', rules: [{ ...rule, ...r }] }) as unknown as Policy;
const route = (r: Partial<Route>): Route => ({ netId: 'R', groups: [], peerGroups: [], accessControlGroups: [], ...r }) as Route;

test('findGroupReferences names every kind of referrer', () => {
  const cases: { name: string; r: GroupReferrers; want: string[] }[] = [
    { name: 'nothing', r: none, want: [] },
    { name: 'rule source', r: { ...none, policies: [policy({ sources: ['g'] })] }, want: ['policy P'] },
    { name: 'rule destination', r: { ...none, policies: [policy({ destinations: ['g'] })] }, want: ['policy P'] },
    { name: 'SSH authorised group', r: { ...none, policies: [policy({ authorizedGroups: { g: ['root'] } })] }, want: ['policy P'] },
    { name: 'other group only', r: { ...none, policies: [policy({ sources: ['h'] })] }, want: [] },
    { name: 'route distribution', r: { ...none, routes: [route({ groups: ['g'] })] }, want: ['route R'] },
    { name: 'route peer groups', r: { ...none, routes: [route({ peerGroups: ['g'] })] }, want: ['route R'] },
    { name: 'route access control', r: { ...none, routes: [route({ accessControlGroups: ['g'] })] }, want: ['route R'] },
    { name: 'NS group', r: { ...none, nameServerGroups: [{ name: 'N', groups: ['g'] } as unknown as NameServerGroup] }, want: ['nameserver group N'] },
    { name: 'setup key', r: { ...none, setupKeys: [{ name: 'K', autoGroups: ['g'] } as unknown as SetupKey] }, want: ['setup key K'] },
    { name: 'user auto-group', r: { ...none, users: [{ id: 'u1', name: '', autoGroups: ['g'] } as unknown as User] }, want: ['user u1'] },
    { name: 'network router peer group', r: { ...none, networkRouters: [{ id: 'nr1', peerGroups: ['g'] } as unknown as NetworkRouter] }, want: ['network router nr1'] },
    { name: 'DNS disabled list', r: { ...none, dnsSettings: { disabledManagementGroups: ['g'] } }, want: ['DNS settings'] },
  ];
  for (const c of cases) assert.deepEqual(findGroupReferences('g', c.r), c.want, c.name);
});
