import { setFlagsFromString } from 'node:v8';

/** V8's own default (`node --v8-options`): a scavenge that finds the young generation busy doubles it. */
const V8_DEFAULT_GROWTH = 2;

/**
 * Loading modules, migrating and building the app allocate briefly but fast, and V8 answers by
 * growing the young generation to its 2 × 16 MiB maximum — memory an idle server then keeps for
 * about a minute (until V8's memory reducer runs). Not growing it until the server is started
 * keeps a started, empty server ≈ 30 MiB smaller; under load it grows as before. An operator's
 * own `--semi-space-growth-factor` (command line or NODE_OPTIONS) is left alone.
 */
export function growthFlagGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => /^--semi[-_]space[-_]growth[-_]factor\b/.test(a));
}

let held = false;

/** Called first thing by `roost serve`, before its modules load. */
export function holdYoungGeneration(): void {
  if (held || growthFlagGiven(process.execArgv, process.env['NODE_OPTIONS'])) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  held = true;
}

/** Called once the server is started: the young generation grows with the load again. */
export function releaseYoungGeneration(): void {
  if (!held) return;
  setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH}`);
  held = false;
}
