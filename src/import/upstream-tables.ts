/**
 * Every upstream table this build knows but does not map to a kind: the ones waiting for a
 * Roost feature (reported as "not yet supported") and the ones with no counterpart by design.
 * Any table in neither list nor among the kinds is reported as unknown when it has rows.
 */
export const NOT_YET_SUPPORTED: Readonly<Record<string, string>> = {
  user_invites: 'upstream invites are not imported (Roost invites belong to its embedded IdP)',
  services: 'the reverse proxy is not supported',
  targets: 'the reverse proxy is not supported',
  domains: 'the reverse proxy is not supported',
  proxies: 'the reverse proxy is not supported',
  proxy_access_tokens: 'the reverse proxy is not supported',
  access_log_entries: 'the reverse proxy is not supported',
  jobs: 'remote peer jobs are not supported',
};

export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  installations: "upstream's anonymous-metrics installation ID",
  account_onboardings: "the dashboard's onboarding flags (Roost answers false)",
  extra_settings: 'legacy table; account extras are read from accounts.settings_extra_*',
  network_addresses: 'GORM leftover; peer addresses are read from peers.meta_network_addresses',
};
