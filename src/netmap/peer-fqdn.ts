import type { AccountSettings, Peer } from '../domain/model.js';

/** `<dnsLabel>.<dnsDomain>`; empty when there is no DNS domain. */
export function peerFqdn(peer: Pick<Peer, 'dnsLabel'>, dnsDomain: string): string {
  return dnsDomain === '' ? '' : `${peer.dnsLabel}.${dnsDomain}`;
}

/** The account's DNS domain setting when set, else the server's (`--dns-domain`). */
export function resolveDnsDomain(settings: Pick<AccountSettings, 'dnsDomain'>, serverDnsDomain: string): string {
  return settings.dnsDomain !== '' ? settings.dnsDomain : serverDnsDomain;
}
