/** Process entry: dispatches to one command of cli/. */
import { importCommand } from './cli/import.js';
import { init } from './cli/init.js';
import { serve } from './cli/serve.js';
import { isRoostError } from './domain/errors.js';

const USAGE = `Usage: roost <command> [options]

Commands:
  init     create the store, a default account and owner, and print a new access token
  serve    run the management server
  import   copy an upstream NetBird store (SQLite or PostgreSQL) into Roost's store

Run 'roost <command> --help' for the options of a command.
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = { init, serve, import: importCommand };

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
