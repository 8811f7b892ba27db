import type { PeerLocation } from '../domain/model.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null ? (v as Json) : undefined);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A database record → the location geo checks compare: GeoLite2/GeoIP2 City layout
 * (`country.iso_code`, `city.names.en`, `city.geoname_id`; `registered_country` when the
 * country is missing) or the flat ip-location-db layout (`country_code`, `city`). `null` when
 * the record names no country.
 */
export function locationFromRecord(record: unknown): PeerLocation | null {
  const r = obj(record);
  if (r === undefined) return null;
  if (typeof r['country_code'] === 'string') {
    const countryCode = text(r['country_code']).toUpperCase();
    return countryCode === '' ? null : { countryCode, cityName: text(r['city']), geoNameId: 0 };
  }
  const country = obj(r['country']) ?? obj(r['registered_country']);
  const countryCode = text(country?.['iso_code']).toUpperCase();
  if (countryCode === '') return null;
  const city = obj(r['city']);
  return { countryCode, cityName: text(obj(city?.['names'])?.['en']), geoNameId: num(city?.['geoname_id']) };
}

/** The English country name of a record (GeoLite2 layout); empty when absent. */
export function countryNameOf(record: unknown): string {
  const r = obj(record);
  const country = obj(r?.['country']) ?? obj(r?.['registered_country']);
  return text(obj(country?.['names'])?.['en']);
}
