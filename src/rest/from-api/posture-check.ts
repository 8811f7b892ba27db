import { invalidArgument } from '../../domain/errors.js';
import type { PostureCheckDefinition } from '../../domain/model.js';
import type { PostureCheckInput } from '../../domain/posture-checks/posture-check-service.js';
import type { ChecksRequest, PostureCheckRequest } from '../schemas/posture-check-request.js';

export function parseCheckAction(action: string): 'allow' | 'deny' {
  if (action !== 'allow' && action !== 'deny') throw invalidArgument(`unknown posture check action ${JSON.stringify(action)}`);
  return action;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function osVersionCheck(os: NonNullable<ChecksRequest['os_version_check']>): NonNullable<PostureCheckDefinition['osVersionCheck']> {
  const out: Mutable<NonNullable<PostureCheckDefinition['osVersionCheck']>> = {};
  if (os.android !== undefined) out.android = { minVersion: os.android.min_version };
  if (os.darwin !== undefined) out.darwin = { minVersion: os.darwin.min_version };
  if (os.ios !== undefined) out.ios = { minVersion: os.ios.min_version };
  if (os.linux !== undefined) out.linux = { minKernelVersion: os.linux.min_kernel_version };
  if (os.windows !== undefined) out.windows = { minKernelVersion: os.windows.min_kernel_version };
  return out;
}

/** The API `Checks` as a domain definition; only the kinds present are set. */
export function toPostureDefinition(c: ChecksRequest): PostureCheckDefinition {
  const d: Mutable<PostureCheckDefinition> = {};
  if (c.nb_version_check !== undefined) d.nbVersionCheck = { minVersion: c.nb_version_check.min_version };
  if (c.os_version_check !== undefined) d.osVersionCheck = osVersionCheck(c.os_version_check);
  if (c.geo_location_check !== undefined) {
    const g = c.geo_location_check;
    d.geoLocationCheck = { locations: (g.locations ?? []).map((l) => ({ countryCode: l.country_code, cityName: l.city_name ?? '' })), action: parseCheckAction(g.action) };
  }
  if (c.peer_network_range_check !== undefined) {
    d.peerNetworkRangeCheck = { ranges: c.peer_network_range_check.ranges ?? [], action: parseCheckAction(c.peer_network_range_check.action) };
  }
  if (c.process_check !== undefined) {
    d.processCheck = {
      processes: (c.process_check.processes ?? []).map((p) => ({ linuxPath: p.linux_path ?? '', macPath: p.mac_path ?? '', windowsPath: p.windows_path ?? '' })),
    };
  }
  return d;
}

export function toPostureCheckInput(b: PostureCheckRequest): PostureCheckInput {
  return { name: b.name, description: b.description, checks: toPostureDefinition(b.checks ?? {}) };
}
