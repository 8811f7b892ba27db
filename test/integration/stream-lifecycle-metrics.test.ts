/**
 * The session metrics on the Prometheus endpoint after real Logins, Syncs and a map push
 * (names as listed in the README).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollUntil } from '../harness/poll.js';
import { seedAccount } from '../harness/seed.js';
import { GrpcCallError, TestAgent, linuxMeta, status } from '../harness/test-agent.js';
import { startTestServer } from '../harness/test-server.js';

/** Value of the sample line `name{labels}` (labels as exposed, in order), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('metrics: login duration, slow-path Syncs, open streams and pushes are exposed', async (t) => {
  const server = await startTestServer();
  const a = new TestAgent(server.grpcTarget);
  const b = new TestAgent(server.grpcTarget);
  t.after(async () => {
    a.close();
    b.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  await a.register(key.plain, linuxMeta('alpha')); // one refused Login, then a registration
  await a.login({ meta: linuxMeta('alpha') });
  const s = await a.sync({ meta: linuxMeta('alpha') });
  t.after(() => s.close());
  await s.next();
  await b.register(key.plain, linuxMeta('bravo'));
  await s.nextMatching((m) => (m.networkMap?.remotePeers.length ?? 0) > 0);
  const refused = await a.login({ meta: null }).catch((e: unknown) => e);
  assert.ok(refused instanceof GrpcCallError && refused.code === status.FAILED_PRECONDITION);

  const url = `http://127.0.0.1:${server.ports.metrics}/metrics`;
  const text = await pollUntil(
    async () => {
      const body = await (await fetch(url)).text();
      // The push counter moves right after the write; the client may have read it a moment earlier.
      return (sample(body, 'roost_sync_updates_pushed_total{kind="map"}') ?? 0) >= 1 ? body : undefined;
    },
    { what: 'the map push to be counted' },
  );
  assert.equal(sample(text, 'roost_login_duration_seconds_count{result="ok"}'), 3);
  assert.equal(sample(text, 'roost_login_duration_seconds_count{result="PermissionDenied"}'), 2);
  assert.equal(sample(text, 'roost_login_duration_seconds_count{result="PreconditionFailed"}'), 1);
  assert.match(text, /^roost_login_duration_seconds_bucket\{le="[^"]+",result="ok"\} \d+$/m);
  assert.equal(sample(text, 'roost_sync_requests_total{path="slow",reason="flag_off"}'), 1);
  assert.equal(sample(text, 'roost_sync_slow_duration_seconds_count'), 1);
  assert.ok((sample(text, 'roost_sync_slow_duration_seconds_sum') ?? -1) > 0);
  assert.equal(sample(text, 'roost_sync_streams_connected'), 1);
  assert.equal(sample(text, 'roost_sync_updates_pushed_total{kind="map"}'), 1);
});
