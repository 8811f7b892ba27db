import { Type } from 'typebox';
import { invalidArgument, preconditionFailed } from '../../domain/errors.js';
import { authorize } from '../auth/authorize.js';
import type { RestApp } from '../rest-app.js';
import type { GeoListing, RestDeps } from '../rest-deps.js';

const CountryParams = Type.Object({ country: Type.String() });

/** Upstream's answer (412) when no geolocation database is loaded. */
export const GEO_UNAVAILABLE =
  'Geo location database is not initialized. Check the self-hosted Geo database documentation at https://docs.netbird.io/selfhosted/geo-support';

/** The loaded database, or upstream's 412 when there is none. */
export function requireGeo(geo: GeoListing | undefined): GeoListing {
  if (geo === undefined) throw preconditionFailed(GEO_UNAVAILABLE);
  return geo;
}

/** `/api/locations/countries[/{country}/cities]`: what the geo posture check form offers (policies read). */
export function registerLocationRoutes(app: RestApp, deps: Pick<RestDeps, 'geo'>): void {
  app.get('/locations/countries', async (req) => {
    authorize(req, 'policies', 'read');
    return requireGeo(deps.geo).countries().map((c) => ({ country_code: c.countryCode, country_name: c.countryName }));
  });

  app.get('/locations/countries/:country/cities', { schema: { params: CountryParams } }, async (req) => {
    authorize(req, 'policies', 'read');
    if (!/^[a-zA-Z]{2}$/.test(req.params.country)) throw invalidArgument('invalid country code');
    return requireGeo(deps.geo).cities(req.params.country).map((c) => ({ geoname_id: c.geoNameId, city_name: c.cityName }));
  });
}
