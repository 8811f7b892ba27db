import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountBuilder } from '../../netmap/fixtures/account-builder.js';
import { peerDnsName, peerOsText, toApiAccessiblePeer, toApiPeer, toApiPeerBatch } from './peer.js';

const snapshot = accountBuilder()
  .peer('web', {
    ip: '100.64.0.9',
    connectionIp: '203.0.113.7',
    userId: 'u1',
    sshEnabled: true,
    lastSeen: Date.UTC(2026, 0, 2),
    lastLogin: Date.UTC(2026, 0, 1),
    createdAt: Date.UTC(2025, 11, 1),
    extraDnsLabels: ['www'],
    meta: { os: 'Ubuntu', osVersion: '24.04', core: '24.04', kernelVersion: '6.8.0', uiVersion: '0.1', sysSerialNumber: 'SN', flags: { rosenpassEnabled: true } },
  })
  .build();
const peer = snapshot.peers[0]!;
const groups = [{ id: 'all', name: 'All', peers_count: 1, resources_count: 0, issued: 'api' as const }];

test('peerDnsName: FQDN with a domain, bare label without', () => {
  assert.equal(peerDnsName({ dnsLabel: 'web' }, 'netbird.selfhosted'), 'web.netbird.selfhosted');
  assert.equal(peerDnsName({ dnsLabel: 'web' }, ''), 'web');
});

test('peerOsText falls back to the core version', () => {
  const cases: [string, string, string, string][] = [
    ['Darwin', '14.2', '23.2.0', 'Darwin 14.2'],
    ['Windows', '', '10.0.19045', 'Windows 10.0.19045'],
    ['', '', '', ' '],
  ];
  for (const [os, osVersion, core, want] of cases) {
    assert.equal(peerOsText({ meta: { ...peer.meta, os, osVersion, core } }), want, want);
  }
});

test('toApiPeer fills every required upstream field', () => {
  const p = toApiPeer(peer, groups, 'netbird.selfhosted');
  assert.deepEqual(p, {
    id: 'web', name: 'web', created_at: '2025-12-01T00:00:00.000Z', ip: '100.64.0.9', connection_ip: '203.0.113.7', connected: true,
    last_seen: '2026-01-02T00:00:00.000Z', os: 'Ubuntu 24.04', kernel_version: '6.8.0', geoname_id: 0, version: '0.60.0', groups,
    ssh_enabled: true, user_id: 'u1', hostname: 'web', ui_version: '0.1', dns_label: 'web.netbird.selfhosted', login_expiration_enabled: false,
    login_expired: false, last_login: '2026-01-01T00:00:00.000Z', inactivity_expiration_enabled: false, approval_required: false,
    country_code: '', city_name: '', serial_number: 'SN', extra_dns_labels: ['www.netbird.selfhosted'], ephemeral: false,
    local_flags: {
      rosenpass_enabled: true, rosenpass_permissive: false, server_ssh_allowed: false, disable_client_routes: false, disable_server_routes: false,
      disable_dns: false, disable_firewall: false, block_lan_access: false, block_inbound: false, lazy_connection_enabled: false,
    },
  });
  assert.equal(toApiPeerBatch(peer, groups, '').accessible_peers_count, 0);
  assert.equal(toApiPeerBatch(peer, groups, '').dns_label, 'web');
});

test('toApiAccessiblePeer has exactly the AccessiblePeer fields', () => {
  assert.deepEqual(toApiAccessiblePeer(peer, 'corp'), {
    id: 'web', name: 'web', ip: '100.64.0.9', dns_label: 'web.corp', user_id: 'u1', os: 'Ubuntu', country_code: '', city_name: '',
    geoname_id: 0, connected: true, last_seen: '2026-01-02T00:00:00.000Z',
  });
});
