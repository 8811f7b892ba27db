import assert from 'node:assert/strict';
import pino from 'pino';
import type { Peer } from '../../src/domain/model.js';
import { MapWatch } from './map-watch.js';
import { seedAccount, type Seeded } from './seed.js';
import { TestAgent, linuxMeta, type MetaInit } from './test-agent.js';
import { startTestServer, type TestServer } from './test-server.js';

/** A real server with a seeded account whose agents register with one setup key and stream maps. */
export interface Mesh {
  readonly server: TestServer;
  /** Every log line the server wrote at warn level or above. */
  readonly warnings: string[];
  readonly seed: Seeded;
  /** Registers a new agent named `host` (not streaming). */
  join(host: string, meta?: MetaInit): Promise<{ agent: TestAgent; peer: Peer }>;
  /** Opens a Sync for `agent` and reads its first message. */
  stream(agent: TestAgent, host: string, meta?: MetaInit): Promise<MapWatch>;
  /** `join`, then `stream`. */
  joinStreaming(host: string, meta?: MetaInit): Promise<{ agent: TestAgent; peer: Peer; watch: MapWatch }>;
  /** Closed when the test ends, before the server stops. */
  closeLater(close: () => void): void;
}

/** Starts the mesh; everything it opened is closed and the server stopped after the test. */
export async function startMesh(t: { after(fn: () => unknown): void }): Promise<Mesh> {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const server = await startTestServer({ overrides: { logger } });
  const closers: (() => void)[] = [];
  t.after(async () => {
    for (const c of closers) c();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const key = await seed.setupKey();
  const mesh: Mesh = {
    server,
    warnings,
    seed,
    async join(host, meta = linuxMeta(host)) {
      const agent = new TestAgent(server.grpcTarget);
      closers.push(() => agent.close());
      await agent.register(key.plain, meta);
      const peer = await server.app.store.findPeerByKey(agent.publicKey);
      assert.ok(peer);
      return { agent, peer };
    },
    async stream(agent, host, meta = linuxMeta(host)) {
      const s = await agent.sync({ meta });
      closers.unshift(() => s.close());
      const w = new MapWatch(s);
      await w.first();
      return w;
    },
    async joinStreaming(host, meta = linuxMeta(host)) {
      const joined = await mesh.join(host, meta);
      return { ...joined, watch: await mesh.stream(joined.agent, host, meta) };
    },
    closeLater(close) {
      closers.push(close);
    },
  };
  return mesh;
}
