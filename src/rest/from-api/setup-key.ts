import { invalidArgument } from '../../domain/errors.js';
import type { SetupKeyType } from '../../domain/model.js';
import type { SetupKeyInput, SetupKeyUpdate } from '../../domain/setup-keys/setup-key-service.js';
import type { CreateSetupKeyRequest, SetupKeyRequest } from '../schemas/setup-key-requests.js';

export function parseSetupKeyType(type: string): SetupKeyType {
  if (type !== 'reusable' && type !== 'one-off') throw invalidArgument(`unknown setup key type ${type}`);
  return type;
}

export function toSetupKeyInput(body: CreateSetupKeyRequest): SetupKeyInput {
  if (body.name === '') throw invalidArgument("setup key name shouldn't be empty");
  if (body.expires_in < 0) throw invalidArgument('expiresIn can not be in the past');
  return {
    name: body.name,
    type: parseSetupKeyType(body.type),
    expiresIn: body.expires_in,
    usageLimit: body.usage_limit,
    autoGroups: body.auto_groups,
    ephemeral: body.ephemeral ?? false,
    allowExtraDnsLabels: body.allow_extra_dns_labels ?? false,
  };
}

export function toSetupKeyUpdate(body: SetupKeyRequest): SetupKeyUpdate {
  return { revoked: body.revoked, autoGroups: body.auto_groups };
}
