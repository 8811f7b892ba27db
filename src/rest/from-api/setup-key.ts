import { invalidArgument } from '../../domain/errors.js';
import type { SetupKeyType } from '../../domain/model.js';
import { API_MIN_EXPIRES_IN, checkSetupKeyNumbers } from '../../domain/setup-keys/check-setup-key-numbers.js';
import type { SetupKeyInput, SetupKeyUpdate } from '../../domain/setup-keys/setup-key-service.js';
import type { CreateSetupKeyRequest, SetupKeyRequest } from '../schemas/setup-key-requests.js';

export function parseSetupKeyType(type: string): SetupKeyType {
  if (type !== 'reusable' && type !== 'one-off') throw invalidArgument(`unknown setup key type ${type}`);
  return type;
}

/** A create body as domain input, in upstream's check order; the lifetime is 0 (never) or 1 to 365 days. */
export function toSetupKeyInput(body: CreateSetupKeyRequest): SetupKeyInput {
  if (body.name === '') throw invalidArgument("setup key name shouldn't be empty");
  const type = parseSetupKeyType(body.type);
  checkSetupKeyNumbers({ expiresIn: body.expires_in, usageLimit: body.usage_limit }, API_MIN_EXPIRES_IN);
  return {
    name: body.name,
    type,
    expiresIn: body.expires_in,
    usageLimit: body.usage_limit,
    autoGroups: body.auto_groups ?? [],
    ephemeral: body.ephemeral ?? false,
    allowExtraDnsLabels: body.allow_extra_dns_labels ?? false,
  };
}

/** Upstream refuses a PUT without `auto_groups` rather than clearing them. */
export function toSetupKeyUpdate(body: SetupKeyRequest): SetupKeyUpdate {
  if (body.auto_groups === undefined) throw invalidArgument('setup key AutoGroups field is invalid');
  return { revoked: body.revoked, autoGroups: body.auto_groups };
}
