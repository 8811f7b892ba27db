/**
 * Geolocation of peers' connection IPs from a MaxMind-format City database (GeoLite2/GeoIP2,
 * or the flat `country_code`/`city` layout of ip-location-db), read with `mmdb-lib`: the
 * country and city lists of the locations API and the locations geo posture checks compare.
 *
 * Must not: download or update databases, do network I/O, or touch the store. Without a
 * database every caller sees `undefined` and behaves as upstream does then (412 on the
 * locations API and on geo posture checks, peers without a location).
 */
export { locationFromRecord } from './location-from-record.js';
export { MmdbGeolocation, type Country, type City } from './mmdb-geolocation.js';
export { openGeolocation, findDatabaseFile } from './open-geolocation.js';
export { withPeerLocations, type Geolocator } from './with-peer-locations.js';
