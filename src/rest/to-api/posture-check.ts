import type { PostureCheck, PostureCheckDefinition } from '../../domain/model.js';

type MinVersion = { min_version: string };
type MinKernelVersion = { min_kernel_version: string };

/** OpenAPI `Checks`: only the kinds that are defined appear. */
export interface ApiChecks {
  nb_version_check?: MinVersion;
  os_version_check?: { android?: MinVersion; darwin?: MinVersion; ios?: MinVersion; linux?: MinKernelVersion; windows?: MinKernelVersion };
  geo_location_check?: { locations: { country_code: string; city_name?: string }[]; action: 'allow' | 'deny' };
  peer_network_range_check?: { ranges: string[]; action: 'allow' | 'deny' };
  process_check?: { processes: { linux_path?: string; mac_path?: string; windows_path?: string }[] };
}

/** OpenAPI `PostureCheck`. */
export interface ApiPostureCheck {
  id: string;
  name: string;
  description: string;
  checks: ApiChecks;
}

/** Drops members whose value is undefined or an empty string (optional API fields are omitted). */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function osVersion(os: NonNullable<PostureCheckDefinition['osVersionCheck']>): NonNullable<ApiChecks['os_version_check']> {
  const min = (e: { minVersion: string } | undefined) => (e === undefined ? undefined : { min_version: e.minVersion });
  const kernel = (e: { minKernelVersion: string } | undefined) => (e === undefined ? undefined : { min_kernel_version: e.minKernelVersion });
  return present({ android: min(os.android), darwin: min(os.darwin), ios: min(os.ios), linux: kernel(os.linux), windows: kernel(os.windows) });
}

export function toApiChecks(d: PostureCheckDefinition): ApiChecks {
  return present({
    nb_version_check: d.nbVersionCheck === undefined ? undefined : { min_version: d.nbVersionCheck.minVersion },
    os_version_check: d.osVersionCheck === undefined ? undefined : osVersion(d.osVersionCheck),
    geo_location_check:
      d.geoLocationCheck === undefined
        ? undefined
        : {
            locations: d.geoLocationCheck.locations.map((l) => ({ country_code: l.countryCode, ...present({ city_name: l.cityName }) })),
            action: d.geoLocationCheck.action,
          },
    peer_network_range_check:
      d.peerNetworkRangeCheck === undefined ? undefined : { ranges: [...d.peerNetworkRangeCheck.ranges], action: d.peerNetworkRangeCheck.action },
    process_check:
      d.processCheck === undefined
        ? undefined
        : { processes: d.processCheck.processes.map((p) => present({ linux_path: p.linuxPath, mac_path: p.macPath, windows_path: p.windowsPath })) },
  });
}

export function toApiPostureCheck(c: PostureCheck): ApiPostureCheck {
  return { id: c.id, name: c.name, description: c.description, checks: toApiChecks(c.checks) };
}
