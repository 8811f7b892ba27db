/** Process entry: dispatches to one command of cli/. */
import { isRoostError } from './domain/errors.js';
import { holdYoungGeneration } from './shared/startup-young-generation.js';

const USAGE = `Usage: roost <command> [options]

Commands:
  init     create the store, a default account and owner, and print a new access token
  serve    run the management server
  import   copy an upstream NetBird store (SQLite or PostgreSQL) into Roost's store

Run 'roost <command> --help' for the options of a command.
`;

type Command = (argv: string[]) => Promise<number>;

// Loaded on demand: a serving process does not hold the importer's or init's modules in memory.
const COMMANDS: Record<string, Command> = {
  init: async (argv) => (await import('./cli/init.js')).init(argv),
  serve: async (argv) => {
    holdYoungGeneration();
    return (await import('./cli/serve.js')).serve(argv);
  },
  import: async (argv) => (await import('./cli/import.js')).importCommand(argv),
};

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd === undefined ? 2 : 0;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    process.stderr.write(`roost: unknown command ${JSON.stringify(cmd)}\n\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const msg = isRoostError(err) || err instanceof TypeError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`roost: ${msg}\n`);
    if (!isRoostError(err) && !(err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    }
    process.exitCode = 1;
  },
);
