import { invalidArgument } from '../errors.js';
import { toAsciiLabel } from '../net/punycode.js';

const INVALID_RUN = /[^a-zA-Z0-9-]+/g;

/**
 * The base DNS label of a peer name (SEMANTICS.md §3.5): first dot-separated part, Punycode,
 * each run of other characters → `-`, lower-cased, over 58 characters cut to 59 (upstream's
 * arithmetic, kept). A name yielding nothing is refused.
 */
export function parseDomainLabel(name: string): string {
  const first = name.split('.')[0] ?? '';
  let label = toAsciiLabel(first).replace(INVALID_RUN, '-').toLowerCase();
  if (label.length > 58) label = label.slice(0, 59);
  if (label === '') throw invalidArgument(`cannot derive a DNS label from name ${JSON.stringify(name)}`);
  return label;
}

/** `<base>-<third octet>-<fourth octet>` of the peer IP. */
export function ipSuffixedLabel(base: string, ip: string): string {
  const octets = ip.split('.');
  return `${base}-${octets[2] ?? '0'}-${octets[3] ?? '0'}`;
}

/** Registration: the plain base on a first attempt of a non-ephemeral peer, else IP-suffixed. */
export function registrationDnsLabel(base: string, ip: string, opts: { ephemeral: boolean; attempt: number }): string {
  return !opts.ephemeral && opts.attempt === 0 ? base : ipSuffixedLabel(base, ip);
}

/** Rename: the new base when unused in the account, else IP-suffixed. */
export function renamedDnsLabel(base: string, ip: string, baseTaken: boolean): string {
  return baseTaken ? ipSuffixedLabel(base, ip) : base;
}
