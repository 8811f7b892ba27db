/**
 * A few documentation networks with City-layout records, for tests that build a database with
 * `writeMmdb`: Germany (Berlin, Munich), France (Paris, and a country-only half), and the
 * loopback range in the Netherlands so peers connecting over 127.0.0.1 have a location.
 */
import { writeMmdb } from './write-mmdb.js';

const city = (code: string, country: string, id: number, name: string) => ({
  country: { iso_code: code, names: { en: country } },
  city: { geoname_id: id, names: { en: name } },
});

export const TEST_NETWORKS = [
  { cidr: '198.51.100.0/24', record: city('DE', 'Germany', 2950159, 'Berlin') },
  { cidr: '198.51.101.0/24', record: city('DE', 'Germany', 2867714, 'Munich') },
  { cidr: '203.0.113.0/25', record: city('FR', 'France', 2988507, 'Paris') },
  { cidr: '203.0.113.128/25', record: { country: { iso_code: 'FR', names: { en: 'France' } } } },
  { cidr: '127.0.0.0/8', record: city('NL', 'Netherlands', 2759794, 'Amsterdam') },
];

/** The database bytes of `TEST_NETWORKS`. */
export const testDatabase = (): Buffer => writeMmdb(TEST_NETWORKS);
