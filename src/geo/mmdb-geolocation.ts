import { isIPv4, isIPv6 } from 'node:net';
import { Reader } from 'mmdb-lib';
import type { PeerLocation } from '../domain/model.js';
import { LruMap } from '../shared/lru-map.js';
import { countryNameOf, locationFromRecord } from './location-from-record.js';

/** `/api/locations/countries` entry. */
export interface Country {
  readonly countryCode: string;
  readonly countryName: string;
}

/** `/api/locations/countries/{country}/cities` entry. */
export interface City {
  readonly geoNameId: number;
  readonly cityName: string;
}

interface Index {
  readonly countries: Country[];
  readonly cities: Map<string, City[]>;
}

/** Strips the IPv4-mapped prefix a dual-stack socket reports (`::ffff:1.2.3.4`). */
const plainIp = (ip: string): string => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

/** The address whose first `depth` bits are `bits` (the rest zero), as text. */
function addressOf(bits: Uint8Array, depth: number, v6: boolean): string {
  const bytes = new Uint8Array(v6 ? 16 : 4);
  for (let i = 0; i < depth; i++) if (bits[i]) bytes[i >> 3]! |= 0x80 >> (i & 7);
  if (!v6) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/**
 * One MaxMind-format database in memory. Lookups are cached (peers reconnect from the same
 * addresses); the country and city lists are built once, on first use, by walking the search
 * tree to one address per distinct record.
 */
export class MmdbGeolocation {
  private readonly reader: Reader<Record<string, unknown>>;
  private readonly cache = new LruMap<PeerLocation | null>(10_000);
  private index: Index | undefined;

  constructor(private readonly db: Buffer) {
    this.reader = new Reader(db);
  }

  /** The location of `ip`, or `null` when the database does not know it (or it is no IP). */
  lookup(ip: string): PeerLocation | null {
    const addr = plainIp(ip.trim());
    if (!isIPv4(addr) && !isIPv6(addr)) return null;
    const hit = this.cache.get(addr);
    if (hit !== undefined) return hit;
    let loc: PeerLocation | null = null;
    try {
      loc = locationFromRecord(this.reader.get(addr));
    } catch {
      loc = null; // an IPv6 address in an IPv4-only database
    }
    this.cache.set(addr, loc);
    return loc;
  }

  /** Every country with at least one network, by code. */
  countries(): readonly Country[] {
    return this.built().countries;
  }

  /** The named cities of a country (ISO code, any case), by name. */
  cities(countryCode: string): readonly City[] {
    return this.built().cities.get(countryCode.toUpperCase()) ?? [];
  }

  private built(): Index {
    this.index ??= this.buildIndex();
    return this.index;
  }

  private buildIndex(): Index {
    const countries = new Map<string, string>();
    // Keyed by GeoNames ID, or by name in databases without IDs (the flat layout).
    const cities = new Map<string, Map<string, City>>();
    for (const ip of this.oneAddressPerRecord()) {
      const record = this.reader.get(ip);
      const loc = locationFromRecord(record);
      if (loc === null) continue;
      if (!countries.get(loc.countryCode)) countries.set(loc.countryCode, countryNameOf(record));
      if (loc.cityName === '') continue;
      const byKey = cities.get(loc.countryCode) ?? new Map<string, City>();
      byKey.set(loc.geoNameId === 0 ? `name:${loc.cityName}` : `id:${loc.geoNameId}`, { geoNameId: loc.geoNameId, cityName: loc.cityName });
      cities.set(loc.countryCode, byKey);
    }
    const byText = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
    return {
      countries: [...countries].map(([countryCode, countryName]) => ({ countryCode, countryName })).sort(byText((c) => c.countryCode)),
      cities: new Map(
        [...cities].map(([code, byKey]) => [code, [...byKey.values()].sort(byText((c) => c.cityName))]),
      ),
    };
  }

  /** Walks the search tree once (nodes shared by aliases visited once): one address per record. */
  private oneAddressPerRecord(): string[] {
    const { nodeCount, recordSize, ipVersion, nodeByteSize } = this.reader.metadata;
    const db = this.db;
    const record = (node: number, right: boolean): number => {
      const off = node * nodeByteSize;
      if (recordSize === 24) return db.readUIntBE(off + (right ? 3 : 0), 3);
      if (recordSize === 28) return right ? ((db[off + 3]! & 0x0f) << 24) | db.readUIntBE(off + 4, 3) : ((db[off + 3]! & 0xf0) << 20) | db.readUIntBE(off, 3);
      return db.readUInt32BE(off + (right ? 4 : 0));
    };
    const v6 = ipVersion === 6;
    const bits = new Uint8Array(v6 ? 128 : 32);
    const visited = new Uint8Array(nodeCount);
    const seen = new Set<number>();
    const out: string[] = [];
    const walk = (node: number, depth: number): void => {
      if (visited[node]) return;
      visited[node] = 1;
      for (const right of [false, true]) {
        bits[depth] = right ? 1 : 0;
        const next = record(node, right);
        if (next < nodeCount) walk(next, depth + 1);
        else if (next > nodeCount && !seen.has(next)) {
          seen.add(next);
          out.push(addressOf(bits, depth + 1, v6));
        }
      }
      bits[depth] = 0;
    };
    walk(0, 0);
    return out;
  }
}
