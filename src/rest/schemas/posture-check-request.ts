import { Type, type Static } from 'typebox';

const Opt = Type.Optional;
const MinVersion = Type.Object({ min_version: Type.String() });
const MinKernelVersion = Type.Object({ min_kernel_version: Type.String() });

/** OpenAPI `Checks`: any subset of the five kinds; absent or `null` lists are empty. */
export const ChecksRequest = Type.Object({
  nb_version_check: Opt(MinVersion),
  os_version_check: Opt(
    Type.Object({ android: Opt(MinVersion), darwin: Opt(MinVersion), ios: Opt(MinVersion), linux: Opt(MinKernelVersion), windows: Opt(MinKernelVersion) }),
  ),
  geo_location_check: Opt(
    Type.Object({
      locations: Opt(Type.Array(Type.Object({ country_code: Type.String(), city_name: Opt(Type.String()) }))),
      action: Type.String(),
    }),
  ),
  peer_network_range_check: Opt(Type.Object({ ranges: Opt(Type.Array(Type.String())), action: Type.String() })),
  process_check: Opt(
    Type.Object({
      processes: Opt(Type.Array(Type.Object({ linux_path: Opt(Type.String()), mac_path: Opt(Type.String()), windows_path: Opt(Type.String()) }))),
    }),
  ),
});
export type ChecksRequest = Static<typeof ChecksRequest>;

/** OpenAPI `PostureCheckUpdate` (create and update). */
export const PostureCheckRequest = Type.Object({
  name: Type.String(),
  description: Type.String(),
  checks: Opt(ChecksRequest),
});
export type PostureCheckRequest = Static<typeof PostureCheckRequest>;
