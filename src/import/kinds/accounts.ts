/** `accounts`: the account, its network (Go net.IPNet JSON) and serial, settings and DNS settings. */
import type { Account } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { goIpNetToCidr } from '../values/go-ipnet.js';
import { stringList } from '../values/json-shapes.js';
import { fail } from '../values/map-error.js';

const SETTINGS_COLUMNS = [
  'settings_peer_login_expiration_enabled',
  'settings_peer_login_expiration',
  'settings_peer_inactivity_expiration_enabled',
  'settings_peer_inactivity_expiration',
  'settings_regular_users_view_blocked',
  'settings_groups_propagation_enabled',
  'settings_jwt_groups_enabled',
  'settings_jwt_groups_claim_name',
  'settings_jwt_allow_groups',
  'settings_routing_peer_dns_resolution_enabled',
  'settings_dns_domain',
  'settings_network_range',
  'settings_peer_expose_enabled',
  'settings_peer_expose_groups',
  'settings_extra_peer_approval_enabled',
  'settings_extra_user_approval_required',
  'settings_extra_integrated_validator',
  'settings_extra_integrated_validator_groups',
  'settings_lazy_connection_enabled',
  'settings_auto_update_version',
  'settings_auto_update_always',
];

export const accountsImporter: KindImporter<Account> = {
  kind: 'accounts',
  table: 'accounts',
  columns: [
    'id',
    'created_by',
    'created_at',
    'domain',
    // Derived by upstream from the domain at every login; Roost derives it the same way.
    'domain_category',
    'is_domain_primary_account',
    'network_identifier',
    'network_net',
    'network_dns',
    'network_serial',
    'dns_settings_disabled_management_groups',
    ...SETTINGS_COLUMNS,
    'reverse_proxy_free_domain_nonce',
  ],
  idOf: (r) => r.text('id'),
  map(r) {
    r.dropIfSet('network_dns', 'unused by upstream since the DNS domain moved to settings');
    r.dropIfSet('settings_extra_integrated_validator', 'integrated peer validators are not supported');
    r.dropIfSet('settings_extra_integrated_validator_groups', 'integrated peer validators are not supported');
    r.dropIfSet('reverse_proxy_free_domain_nonce', 'the reverse proxy is not supported');
    if (r.flag('settings_peer_expose_enabled')) fail('settings_peer_expose_enabled', 'peer expose (reverse proxy) is not supported by this build');
    const serial = r.int('network_serial');
    if (serial < 0) fail('network_serial', `negative serial ${serial}`);
    return {
      id: r.text('id'),
      createdBy: r.text('created_by'),
      createdAt: r.time('created_at'),
      domain: r.text('domain'),
      network: { identifier: r.text('network_identifier'), net: goIpNetToCidr('network_net', r.json('network_net')), serial },
      settings: {
        peerLoginExpirationEnabled: r.flag('settings_peer_login_expiration_enabled'),
        peerLoginExpiration: r.seconds('settings_peer_login_expiration'),
        peerInactivityExpirationEnabled: r.flag('settings_peer_inactivity_expiration_enabled'),
        peerInactivityExpiration: r.seconds('settings_peer_inactivity_expiration'),
        regularUsersViewBlocked: r.flag('settings_regular_users_view_blocked'),
        groupsPropagationEnabled: r.flag('settings_groups_propagation_enabled'),
        jwtGroupsEnabled: r.flag('settings_jwt_groups_enabled'),
        jwtGroupsClaimName: r.text('settings_jwt_groups_claim_name'),
        jwtAllowGroups: stringList('settings_jwt_allow_groups', r.json('settings_jwt_allow_groups')),
        routingPeerDnsResolutionEnabled: r.flag('settings_routing_peer_dns_resolution_enabled'),
        dnsDomain: r.text('settings_dns_domain'),
        networkRange: r.quoted('settings_network_range'),
        lazyConnectionEnabled: r.flag('settings_lazy_connection_enabled'),
        autoUpdateVersion: r.text('settings_auto_update_version') || 'disabled',
        autoUpdateAlways: r.flag('settings_auto_update_always'),
        peerApprovalEnabled: r.flag('settings_extra_peer_approval_enabled'),
        userApprovalRequired: r.flag('settings_extra_user_approval_required'),
      },
      dnsSettings: { disabledManagementGroups: stringList('dns_settings_disabled_management_groups', r.json('dns_settings_disabled_management_groups')) },
    };
  },
};
