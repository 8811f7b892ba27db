import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNameServerGroup, type NameServerGroupShape } from './check-nameserver-group.js';

const base: NameServerGroupShape = {
  name: 'google',
  nameServers: [{ ip: '8.8.8.8', nsType: 1, port: 53 }],
  groups: ['g'],
  primary: true,
  domains: [],
  searchDomainsEnabled: false,
};

test('checkNameServerGroup', () => {
  const cases: { name: string; over: Partial<NameServerGroupShape>; ok: boolean }[] = [
    { name: 'primary', over: {}, ok: true },
    { name: 'match domains with search', over: { primary: false, domains: ['corp.example'], searchDomainsEnabled: true }, ok: true },
    { name: 'IPv6 server', over: { nameServers: [{ ip: '2001:4860:4860::8888', nsType: 1, port: 53 }] }, ok: true },
    { name: 'primary with domains', over: { domains: ['corp.example'] }, ok: false },
    { name: 'neither primary nor domains', over: { primary: false }, ok: false },
    { name: 'search on primary', over: { searchDomainsEnabled: true }, ok: false },
    { name: 'bad IP', over: { nameServers: [{ ip: 'dns.google', nsType: 1, port: 53 }] }, ok: false },
    { name: 'no servers', over: { nameServers: [] }, ok: false },
    { name: 'four servers', over: { nameServers: Array.from({ length: 4 }, () => ({ ip: '1.1.1.1', nsType: 1, port: 53 })) }, ok: false },
    { name: 'port 0', over: { nameServers: [{ ip: '1.1.1.1', nsType: 1, port: 0 }] }, ok: false },
    { name: 'tcp type', over: { nameServers: [{ ip: '1.1.1.1', nsType: 2, port: 53 }] }, ok: false },
    { name: 'no groups', over: { groups: [] }, ok: false },
    { name: 'empty name', over: { name: '' }, ok: false },
    { name: 'bad domain', over: { primary: false, domains: ['bad domain'] }, ok: false },
  ];
  for (const c of cases) {
    const run = () => checkNameServerGroup({ ...base, ...c.over });
    if (c.ok) assert.doesNotThrow(run, c.name);
    else assert.throws(run, { kind: 'InvalidArgument' }, c.name);
  }
});
