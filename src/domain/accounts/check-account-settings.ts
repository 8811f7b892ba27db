import { invalidArgument } from '../errors.js';
import type { AccountSettings } from '../model.js';
import { isValidDomainName } from '../net/domain-name.js';
import { parseIpv4Prefix } from '../net/ipv4.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const AUTO_UPDATE_RE = /^(disabled|latest|v?[0-9]+\.[0-9]+\.[0-9]+)?$/;

const isSeconds = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** Rejects settings upstream refuses (throws InvalidArgument). */
export function checkAccountSettings(s: AccountSettings): void {
  if (!isSeconds(s.peerLoginExpiration, HOUR, 180 * DAY)) throw invalidArgument('peer login expiration must be between 1 hour and 180 days');
  if (!isSeconds(s.peerInactivityExpiration, 60, 180 * DAY)) throw invalidArgument('peer inactivity expiration must be between 1 minute and 180 days');
  if (s.networkRange !== '') {
    const p = parseIpv4Prefix(s.networkRange);
    if (p === undefined || p.bits > 30) throw invalidArgument(`invalid network range ${JSON.stringify(s.networkRange)}`);
  }
  if (s.dnsDomain !== '' && !isValidDomainName(s.dnsDomain)) throw invalidArgument(`invalid DNS domain ${JSON.stringify(s.dnsDomain)}`);
  if (!AUTO_UPDATE_RE.test(s.autoUpdateVersion)) throw invalidArgument(`invalid auto-update version ${JSON.stringify(s.autoUpdateVersion)}`);
  if (s.jwtGroupsEnabled && s.jwtGroupsClaimName === '') throw invalidArgument('JWT groups need a claim name');
}
