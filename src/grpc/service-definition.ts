import type { ServiceDefinition } from '@grpc/grpc-js';

/**
 * The grpc-js definition of `management.ManagementService` (PROTOCOL.md §2). Messages travel as
 * raw bytes: handlers parse them so that a malformed request is answered with INVALID_ARGUMENT
 * (grpc-js would answer INTERNAL for a failing deserializer).
 */
const bytes = {
  requestSerialize: (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  requestDeserialize: (b: Buffer): Uint8Array => b,
  responseSerialize: (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  responseDeserialize: (b: Buffer): Uint8Array => b,
};

function method(name: string, requestStream: boolean, responseStream: boolean) {
  return { path: `/management.ManagementService/${name}`, requestStream, responseStream, originalName: name, ...bytes };
}

export const METHOD_NAMES = [
  'Login',
  'Sync',
  'GetServerKey',
  'isHealthy',
  'GetDeviceAuthorizationFlow',
  'GetPKCEAuthorizationFlow',
  'SyncMeta',
  'Logout',
  'Job',
  'CreateExpose',
  'RenewExpose',
  'StopExpose',
  'ExtendAuthSession',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const STREAMING: Partial<Record<MethodName, [boolean, boolean]>> = { Sync: [false, true], Job: [true, true] };

export const managementServiceDefinition = Object.fromEntries(
  METHOD_NAMES.map((m) => [m, method(m, ...(STREAMING[m] ?? [false, false]))]),
) as unknown as ServiceDefinition;
