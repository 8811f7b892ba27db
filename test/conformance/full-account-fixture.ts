/**
 * One account using every column of every table, with fixed IDs and times, so that two
 * engines loaded with it must return deep-equal snapshots.
 */
import type { AccountSnapshot, PersonalAccessToken, SetupKey } from '../../src/domain/model.js';
import { DEFAULT_ACCOUNT_SETTINGS } from '../../src/domain/accounts/default-account-settings.js';
import { makePeerMeta } from '../../src/domain/peer-meta.js';
import type { Repositories } from '../../src/domain/ports/repositories.js';

const T = 1_767_225_600_123; // beyond 2^32 on purpose: int8 must come back as a number

export interface FullAccount {
  readonly snapshot: AccountSnapshot;
  readonly setupKey: SetupKey;
  readonly token: PersonalAccessToken;
}

export function fullAccount(tag: string): FullAccount {
  const id = (s: string) => `${tag}-${s}`;
  const accountId = id('acc');
  const peerA = {
    id: id('peer-a'), accountId, key: `${tag}A${'x'.repeat(42 - tag.length)}=`, ip: '100.70.0.10', name: 'Alpha Laptop', dnsLabel: 'alpha-laptop',
    extraDnsLabels: ['web', 'api'], allowExtraDnsLabels: true,
    meta: makePeerMeta({
      hostname: 'alpha', goOS: 'linux', kernel: 'Linux', core: '12', platform: 'x86_64', os: 'Debian', osVersion: '12', netbirdVersion: '0.60.0',
      uiVersion: 'netbird-desktop-ui/0.60.0', kernelVersion: '6.1.0-18-amd64', networkAddresses: [{ netIP: '192.168.1.20/24', mac: 'aa:bb:cc:dd:ee:ff' }],
      sysSerialNumber: 'SN1', sysProductName: 'ThinkPad', sysManufacturer: 'Lenovo', environment: { cloud: 'aws', platform: 'ec2' },
      files: [{ path: '/usr/bin/x', exist: true, processIsRunning: false }], flags: { ...makePeerMeta().flags, rosenpassEnabled: true, blockInbound: true },
    }),
    connected: true, lastSeen: T + 1, loginExpired: false, requiresApproval: false, userId: id('user-b'), sshKey: 'ssh-ed25519 AAAA alpha',
    sshEnabled: true, loginExpirationEnabled: true, inactivityExpirationEnabled: true, lastLogin: T + 2, createdAt: T, ephemeral: false, connectionIp: '203.0.113.7',
    loginGeneration: 3,
  };
  const peerB = {
    ...peerA, id: id('peer-b'), key: `${tag}B${'y'.repeat(42 - tag.length)}=`, ip: '100.70.0.11', name: 'beta', dnsLabel: 'beta', extraDnsLabels: [],
    allowExtraDnsLabels: false, meta: makePeerMeta({ hostname: 'beta' }), connected: false, userId: '', sshKey: '', sshEnabled: false,
    loginExpirationEnabled: false, inactivityExpirationEnabled: false, ephemeral: true, connectionIp: '',
  };
  const snapshot: AccountSnapshot = {
    account: {
      id: accountId, createdBy: id('user-a'), createdAt: T, domain: 'example.com',
      network: { identifier: id('net'), net: '100.70.0.0/16', serial: 7 },
      settings: { ...DEFAULT_ACCOUNT_SETTINGS, dnsDomain: 'corp.example', jwtAllowGroups: ['eng'] },
      dnsSettings: { disabledManagementGroups: [id('grp-dev')] },
    },
    peers: [peerA, peerB],
    users: [
      { id: id('user-a'), accountId, role: 'owner', isServiceUser: false, name: 'Ann', email: 'ann@example.com', autoGroups: [], blocked: false, pendingApproval: false, issued: 'api', lastLogin: null, createdAt: T },
      { id: id('user-b'), accountId, role: 'user', isServiceUser: true, name: 'Bot', email: '', autoGroups: [id('grp-dev')], blocked: true, pendingApproval: true, issued: 'integration', lastLogin: T + 5, createdAt: T },
    ],
    groups: [
      { id: id('grp-all'), accountId, name: 'All', issued: 'api', peers: [peerA.id, peerB.id] },
      { id: id('grp-dev'), accountId, name: 'dev', issued: 'jwt', peers: [peerA.id] },
    ],
    policies: [
      {
        id: id('pol'), accountId, name: 'ssh', description: 'ssh to dev', enabled: true, sourcePostureChecks: [id('pc')],
        rules: [
          {
            id: id('rule-2'), policyId: id('pol'), name: 'second', description: 'kept first by position', enabled: true, action: 'accept',
            sources: [id('grp-all')], destinations: [id('grp-dev')], sourceResource: null, destinationResource: { id: peerB.id, type: 'peer' },
            bidirectional: false, protocol: 'tcp', ports: ['22', '443'], portRanges: [{ start: 8000, end: 8080 }],
            authorizedGroups: { [id('grp-dev')]: ['root', 'admin'] }, authorizedUser: 'ubuntu',
          },
          {
            id: id('rule-1'), policyId: id('pol'), name: 'first', description: '', enabled: false, action: 'drop', sources: [], destinations: [id('grp-all')],
            sourceResource: { id: peerA.id, type: 'peer' }, destinationResource: null, bidirectional: true, protocol: 'all', ports: [], portRanges: [],
            authorizedGroups: {}, authorizedUser: '',
          },
        ],
      },
    ],
    postureChecks: [
      {
        id: id('pc'), accountId, name: 'baseline', description: 'min versions',
        checks: {
          nbVersionCheck: { minVersion: '0.28.0' },
          osVersionCheck: { linux: { minKernelVersion: '5.15' }, darwin: { minVersion: '14.0' } },
          geoLocationCheck: { locations: [{ countryCode: 'DE', cityName: 'Berlin' }], action: 'allow' },
          peerNetworkRangeCheck: { ranges: ['192.168.0.0/16'], action: 'deny' },
          processCheck: { processes: [{ linuxPath: '/usr/bin/x', macPath: '', windowsPath: 'C:\\x.exe' }] },
        },
      },
    ],
    routes: [
      {
        id: id('route-1'), accountId, netId: 'office', description: 'office lan', network: '10.10.0.0/24', networkType: 1, domains: [], keepRoute: false,
        peer: peerA.id, peerGroups: [], metric: 100, masquerade: true, enabled: true, groups: [id('grp-all')], accessControlGroups: [id('grp-dev')], skipAutoApply: false,
      },
      {
        id: id('route-2'), accountId, netId: 'saas', description: '', network: '192.0.2.0/32', networkType: 3, domains: ['example.org', '*.example.net'],
        keepRoute: true, peer: '', peerGroups: [id('grp-dev')], metric: 9999, masquerade: false, enabled: false, groups: [id('grp-all')], accessControlGroups: [], skipAutoApply: true,
      },
    ],
    nameServerGroups: [
      {
        id: id('ns'), accountId, name: 'corp dns', description: 'internal', nameServers: [{ ip: '10.10.0.53', nsType: 1, port: 53 }, { ip: '2001:db8::53', nsType: 1, port: 5353 }],
        groups: [id('grp-all')], primary: false, domains: ['corp.example'], searchDomainsEnabled: true, enabled: true,
      },
    ],
    networks: [
      { id: id('net-a'), accountId, name: 'office', description: 'office network' },
      { id: id('net-b'), accountId, name: 'cloud', description: '' },
    ],
    networkResources: [
      { id: id('res-dom'), accountId, networkId: id('net-b'), name: 'wiki', description: '', type: 'domain', prefix: '', domain: '*.wiki.example', enabled: false, groups: [] },
      { id: id('res-host'), accountId, networkId: id('net-a'), name: 'db', description: 'the db', type: 'host', prefix: '10.0.0.5/32', domain: '', enabled: true, groups: [id('grp-dev')] },
      { id: id('res-sub'), accountId, networkId: id('net-a'), name: 'lan', description: '', type: 'subnet', prefix: '2001:db8::/64', domain: '', enabled: true, groups: [id('grp-all'), id('grp-dev')] },
    ],
    networkRouters: [
      { id: id('rtr-a'), accountId, networkId: id('net-a'), peer: peerA.id, peerGroups: [], masquerade: true, metric: 100, enabled: true },
      { id: id('rtr-b'), accountId, networkId: id('net-b'), peer: '', peerGroups: [id('grp-dev')], masquerade: false, metric: 9999, enabled: false },
    ],
    dnsZones: [
      {
        id: id('zone'), accountId, name: 'Internal', domain: `${tag}.zone.example`, enabled: true, enableSearchDomain: true, distributionGroups: [id('grp-all'), id('grp-dev')],
        records: [
          { id: id('zrec-a'), accountId, zoneId: id('zone'), name: `app.${tag}.zone.example`, type: 'A', content: '10.20.0.1', ttl: 300 },
          { id: id('zrec-b'), accountId, zoneId: id('zone'), name: `www.${tag}.zone.example`, type: 'CNAME', content: `app.${tag}.zone.example`, ttl: 0 },
        ],
      },
    ],
  };
  const setupKey: SetupKey = {
    id: id('sk'), accountId, keyHash: `${tag}-hash`, keySecret: 'ABCDE****', name: 'ci', type: 'reusable', createdAt: T, updatedAt: T + 1, expiresAt: T + 86_400_000,
    revoked: false, usedTimes: 3, lastUsed: T + 2, usageLimit: 10, autoGroups: [id('grp-dev')], ephemeral: true, allowExtraDnsLabels: true,
  };
  const token: PersonalAccessToken = {
    id: id('pat'), userId: id('user-a'), name: 'init', hashedToken: `${tag}-token-hash`, expiresAt: T + 86_400_000, createdBy: id('user-a'), createdAt: T, lastUsed: null,
  };
  return { snapshot, setupKey, token };
}

/** Writes the fixture through the repositories (rules in stored order, not sorted). */
export async function insertFullAccount(tx: Repositories, f: FullAccount): Promise<void> {
  const s = f.snapshot;
  await tx.accounts.insert(s.account);
  for (const p of s.peers) await tx.peers.insert(p);
  for (const u of s.users) await tx.users.insert(u);
  for (const g of s.groups) await tx.groups.insert(g);
  for (const p of s.policies) await tx.policies.insert(p);
  for (const c of s.postureChecks) await tx.postureChecks.insert(c);
  for (const r of s.routes) await tx.routes.insert(r);
  for (const n of s.nameServerGroups) await tx.nameServerGroups.insert(n);
  for (const n of s.networks ?? []) await tx.networks.insert(n);
  for (const r of s.networkResources ?? []) await tx.networkResources.insert(r);
  for (const r of s.networkRouters ?? []) await tx.networkRouters.insert(r);
  for (const z of s.dnsZones ?? []) {
    await tx.dnsZones.insert(z);
    for (const r of [...z.records].reverse()) await tx.dnsZones.insertRecord(r);
  }
  await tx.setupKeys.insert(f.setupKey);
  await tx.tokens.insert(f.token);
}
