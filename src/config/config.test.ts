import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConfig, DEFAULTS, NO_AUTH } from './config.js';
import { parseManagementJson } from './management-json.js';
import { readEnvSettings } from './env-settings.js';
import { isRoostError } from '../domain/errors.js';

const base = { flags: {}, file: undefined, localSecret: 'sek' };

test('defaults: CONTRACT ports, sqlite in the data dir, every local service on the local host', () => {
  const c = buildConfig({ ...base, env: readEnvSettings({}) });
  assert.equal(c.grpcPort, 33073);
  assert.equal(c.httpPort, 33071);
  assert.equal(c.metricsPort, 9090);
  assert.equal(c.host, '0.0.0.0');
  assert.equal(c.logLevel, 'info');
  assert.equal(c.store.engine, 'sqlite');
  assert.ok(c.store.engine === 'sqlite' && c.store.file.endsWith('/data/store.db'));
  const uris = [c.signal.uri, ...c.stuns.map((s) => s.uri), ...(c.turn?.turns.map((t) => t.uri) ?? []), ...(c.relay?.addresses ?? [])];
  for (const u of uris) assert.ok(u.includes(DEFAULTS.localServicesHost), u);
  assert.equal(c.turn?.secret, 'sek');
  assert.equal(c.peerSync.redisAddress, undefined);
  assert.equal(c.peerSync.key, 'peerSyncFastPath');
  assert.equal(c.peerSync.intervalMs, 60_000);
  assert.equal(c.logLevelOverride.key, 'managementLogLevel');
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.peerSync));
});

test('environment: postgres engine, Redis addresses, intervals', () => {
  const c = buildConfig({
    ...base,
    env: readEnvSettings({
      NB_STORE_ENGINE: 'postgres',
      NB_STORE_ENGINE_POSTGRES_DSN: 'postgres://u@h/db',
      NB_PEER_SYNC_REDIS_ADDRESS: '127.0.0.1:6379',
      NB_PEER_SYNC_REDIS_KEY: 'k',
      NB_PEER_SYNC_FLAG_INTERVAL: '500ms',
      NB_CACHE_REDIS_ADDRESS: 'redis://127.0.0.1:6379/2',
    }),
  });
  assert.deepEqual(c.store, { engine: 'postgres', dsn: 'postgres://u@h/db' });
  assert.deepEqual(c.peerSync, { redisAddress: '127.0.0.1:6379', key: 'k', intervalMs: 500 });
  assert.equal(c.cacheRedisAddress, 'redis://127.0.0.1:6379/2');
});

test('invalid settings are refused with the name of what is wrong', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['postgres without DSN', () => buildConfig({ ...base, env: readEnvSettings({ NB_STORE_ENGINE: 'postgres' }) }), /POSTGRES_DSN/],
    ['unknown engine', () => readEnvSettings({ NB_STORE_ENGINE: 'mysql' }), /NB_STORE_ENGINE/],
    ['bad interval', () => readEnvSettings({ NB_PEER_SYNC_FLAG_INTERVAL: 'often' }), /NB_PEER_SYNC_FLAG_INTERVAL/],
    ['bad port', () => buildConfig({ ...base, flags: { grpcPort: 70000 }, env: readEnvSettings({}) }), /--grpc-port/],
    ['bad log level', () => buildConfig({ ...base, flags: { logLevel: 'loud' }, env: readEnvSettings({}) }), /--log-level/],
    ['config without Signal', () => buildConfig({ ...base, file: {}, env: readEnvSettings({}) }), /Signal/],
  ];
  for (const [name, fn, re] of cases) {
    assert.throws(fn, (e: unknown) => isRoostError(e, 'InvalidArgument') && re.test((e as Error).message), name);
  }
});

test('a management.json configures its own services; absent sections stay absent', () => {
  const c = buildConfig({ ...base, env: readEnvSettings({}), file: { signal: { proto: 'https', uri: 'sig:443', username: '', password: '' } } });
  assert.equal(c.turn, null);
  assert.equal(c.relay, null);
  assert.deepEqual(c.stuns, []);
});

test('auth settings: none without a file, else what the file says, frozen', () => {
  assert.equal(buildConfig({ ...base, env: readEnvSettings({}) }).auth, NO_AUTH);
  const file = parseManagementJson(JSON.stringify({ Signal: { URI: 'sig:443' }, HttpConfig: { AuthAudience: 'api' }, PKCEAuthorizationFlow: { ProviderConfig: { ClientID: 'p' } } }));
  const c = buildConfig({ ...base, env: readEnvSettings({}), file });
  assert.equal(c.auth.http.authAudience, 'api');
  assert.equal(c.auth.pkceAuthorizationFlow?.providerConfig.clientId, 'p');
  assert.ok(Object.isFrozen(c.auth.pkceAuthorizationFlow?.providerConfig.redirectUrls));
});

test('NB_GEOLOCATION_DB: unset leaves the data-dir lookup; a relative path is made absolute', () => {
  assert.equal(buildConfig({ ...base, env: readEnvSettings({}) }).geolocationDb, undefined);
  assert.equal(buildConfig({ ...base, env: readEnvSettings({ NB_GEOLOCATION_DB: '  ' }) }).geolocationDb, undefined);
  const c = buildConfig({ ...base, env: readEnvSettings({ NB_GEOLOCATION_DB: 'geo/City.mmdb' }) });
  assert.equal(c.geolocationDb, `${process.cwd()}/geo/City.mmdb`);
});
