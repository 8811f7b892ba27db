import type { ManualClock } from '../../src/domain/clock.js';
import { seedAccount, type Seeded } from './seed.js';
import { TestAgent } from './test-agent.js';
import { startTestServer, type TestServer } from './test-server.js';

/** An in-process server with a seeded account, and agents closed with the test. */
export interface SeededServer {
  readonly server: TestServer;
  readonly seed: Seeded;
  /** A new, unregistered agent. */
  agent(): TestAgent;
}

/** Starts the server (optionally on a ManualClock) and seeds its account; stopped when the test ends. */
export async function startSeededServer(t: { after(fn: () => unknown): void }, opts: { clock?: ManualClock } = {}): Promise<SeededServer> {
  const server = await startTestServer({ overrides: opts.clock ? { clock: opts.clock } : {} });
  const agents: TestAgent[] = [];
  t.after(async () => {
    for (const a of agents) a.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  return {
    server,
    seed,
    agent() {
      const a = new TestAgent(server.grpcTarget);
      agents.push(a);
      return a;
    },
  };
}
