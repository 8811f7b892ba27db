import type { TestContext } from 'node:test';
import type { App } from '../../src/app/create-app.js';
import { FastPathFlag } from '../../src/flags/fast-path-flag.js';
import { fastPathTestConfig } from './fast-path-test-config.js';
import { seedAccount, type Seeded } from './seed.js';
import { TestAgent, linuxMeta, type MetaInit } from './test-agent.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

export interface FastPathServer {
  readonly server: TestServer;
  readonly app: App;
  readonly seed: Seeded;
  /** A reusable setup key of the default account. */
  readonly setupKey: string;
  /** The forced switch the server runs with (flip it with `set`), unless overridden. */
  readonly flag: FastPathFlag;
  /** A new agent, registered (Login with the setup key) with `meta`; closed with the test. */
  enrol(meta?: MetaInit): Promise<TestAgent>;
  /** A new agent, not registered; closed with the test. */
  agent(): TestAgent;
}

/**
 * The in-process server with upstream's fast-path test config and the switch forced on. Pass
 * `overrides.fastPathFlag: undefined` to get the production switch (env-driven) instead. Stopped
 * (and its agents closed) when the test ends.
 */
export async function startFastPathServer(t: TestContext, opts: TestServerOptions = {}): Promise<FastPathServer> {
  const flag = FastPathFlag.forced(true);
  const server = await startTestServer({ file: fastPathTestConfig, ...opts, overrides: { fastPathFlag: flag, ...opts.overrides } });
  const agents: TestAgent[] = [];
  t.after(async () => {
    for (const a of agents) a.close();
    await server.stop();
  });
  const seed = await seedAccount(server.app);
  const { plain } = await seed.setupKey();
  const agent = () => {
    const a = new TestAgent(server.grpcTarget);
    agents.push(a);
    return a;
  };
  return {
    server,
    app: server.app,
    seed,
    setupKey: plain,
    flag,
    agent,
    async enrol(meta = linuxMeta('linux-host')) {
      const a = agent();
      await a.register(plain, meta);
      return a;
    },
  };
}
