import type { PeerUpdate } from '../../domain/peers/update-peer.js';
import type { PeerRequest } from '../schemas/peer-request.js';

/**
 * A PUT /api/peers/{id} body as a domain update. An absent or empty `ip` keeps the address.
 * `approval_required` has no effect: peer approval needs an integrated validator, which the
 * open-source server does not have either.
 */
export function toPeerUpdate(body: PeerRequest): PeerUpdate {
  return {
    name: body.name,
    sshEnabled: body.ssh_enabled,
    loginExpirationEnabled: body.login_expiration_enabled,
    inactivityExpirationEnabled: body.inactivity_expiration_enabled,
    ...(body.ip === undefined || body.ip === '' ? {} : { ip: body.ip }),
  };
}
