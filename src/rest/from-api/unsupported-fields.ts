/**
 * Request fields newer upstream versions (v0.77) added for features Roost does not have: IPv6
 * overlay addresses and the embedded IdP's local MFA. Their "off" values (absent, empty, false)
 * describe Roost exactly and pass; anything else is refused (422) rather than accepted and
 * forgotten.
 */
import { invalidArgument } from '../../domain/errors.js';

const IPV6_OVERLAY = 'IPv6 overlay addresses are not supported by this server';

/** The reason the account settings ask for something unsupported, or `null`. */
export function unsupportedSettingsProblem(s: { network_range_v6?: string; ipv6_enabled_groups?: readonly string[]; local_mfa_enabled?: boolean }): string | null {
  if ((s.network_range_v6 ?? '') !== '') return `network_range_v6: ${IPV6_OVERLAY}`;
  if ((s.ipv6_enabled_groups ?? []).length > 0) return `ipv6_enabled_groups: ${IPV6_OVERLAY}`;
  if (s.local_mfa_enabled === true) return 'local_mfa_enabled: multi-factor authentication of local users is not supported by this server';
  return null;
}

/** The reason a peer update asks for something unsupported, or `null`. */
export function unsupportedPeerProblem(p: { ipv6?: string }): string | null {
  return (p.ipv6 ?? '') !== '' ? `ipv6: ${IPV6_OVERLAY}` : null;
}

/** Throws InvalidArgument (422) with the problem, if any. */
export function refuseUnsupported(problem: string | null): void {
  if (problem !== null) throw invalidArgument(problem);
}
