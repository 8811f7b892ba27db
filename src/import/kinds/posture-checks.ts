/** `posture_checks`: the Go-named `checks` JSON → Roost's check definition. */
import type { PostureCheck, PostureCheckDefinition } from '../../domain/model.js';
import type { KindImporter } from '../kind-importer.js';
import { type JsonObject, knownObject, objectList, oneOf, str, stringList } from '../values/json-shapes.js';

const C = 'checks';
const present = (o: JsonObject, key: string): boolean => o[key] !== undefined && o[key] !== null;

function minVersion(v: unknown): { minVersion: string } {
  return { minVersion: str(C, knownObject(C, v, ['MinVersion']), 'MinVersion') };
}
function minKernel(v: unknown): { minKernelVersion: string } {
  return { minKernelVersion: str(C, knownObject(C, v, ['MinKernelVersion']), 'MinKernelVersion') };
}

function osVersionCheck(v: unknown): NonNullable<PostureCheckDefinition['osVersionCheck']> {
  const o = knownObject(C, v, ['Android', 'Darwin', 'Ios', 'Linux', 'Windows']);
  return {
    ...(present(o, 'Android') ? { android: minVersion(o['Android']) } : {}),
    ...(present(o, 'Darwin') ? { darwin: minVersion(o['Darwin']) } : {}),
    ...(present(o, 'Ios') ? { ios: minVersion(o['Ios']) } : {}),
    ...(present(o, 'Linux') ? { linux: minKernel(o['Linux']) } : {}),
    ...(present(o, 'Windows') ? { windows: minKernel(o['Windows']) } : {}),
  };
}

/** Decodes the stored checks; exported for its table test. */
export function postureChecksFromGo(v: unknown): PostureCheckDefinition {
  const o = knownObject(C, v, ['NBVersionCheck', 'OSVersionCheck', 'GeoLocationCheck', 'PeerNetworkRangeCheck', 'ProcessCheck']);
  const def: { -readonly [K in keyof PostureCheckDefinition]: PostureCheckDefinition[K] } = {};
  if (present(o, 'NBVersionCheck')) def.nbVersionCheck = minVersion(o['NBVersionCheck']);
  if (present(o, 'OSVersionCheck')) def.osVersionCheck = osVersionCheck(o['OSVersionCheck']);
  if (present(o, 'GeoLocationCheck')) {
    const g = knownObject(C, o['GeoLocationCheck'], ['Locations', 'Action']);
    def.geoLocationCheck = {
      locations: objectList(C, g['Locations'], ['CountryCode', 'CityName']).map((l) => ({ countryCode: str(C, l, 'CountryCode'), cityName: str(C, l, 'CityName') })),
      action: oneOf(C, g['Action'], ['allow', 'deny'] as const),
    };
  }
  if (present(o, 'PeerNetworkRangeCheck')) {
    const p = knownObject(C, o['PeerNetworkRangeCheck'], ['Ranges', 'Action']);
    def.peerNetworkRangeCheck = { ranges: stringList(C, p['Ranges']), action: oneOf(C, p['Action'], ['allow', 'deny'] as const) };
  }
  if (present(o, 'ProcessCheck')) {
    const p = knownObject(C, o['ProcessCheck'], ['Processes']);
    def.processCheck = {
      processes: objectList(C, p['Processes'], ['LinuxPath', 'MacPath', 'WindowsPath']).map((x) => ({
        linuxPath: str(C, x, 'LinuxPath'),
        macPath: str(C, x, 'MacPath'),
        windowsPath: str(C, x, 'WindowsPath'),
      })),
    };
  }
  return def;
}

export const postureChecksImporter: KindImporter<PostureCheck> = {
  kind: 'posture checks',
  table: 'posture_checks',
  columns: ['id', 'name', 'description', 'account_id', 'checks'],
  idOf: (r) => r.text('id'),
  map: (r) => ({
    id: r.text('id'),
    accountId: r.text('account_id'),
    name: r.text('name'),
    description: r.text('description'),
    checks: postureChecksFromGo(r.json('checks', {})),
  }),
};
