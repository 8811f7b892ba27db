import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { topInclusiveTime, topSelfTime, type CpuProfile, type SelfTimeReport } from './cpu-profile-top.js';
import type { PhaseWindow } from './scenarios/phase-window.js';
import { TsSourceLocator } from './ts-source-locator.js';

/** Per measured phase, the server's top self-time functions (absent for a failed phase). */
export interface CaseProfiles {
  readonly file: string;
  readonly coldConnect?: PhaseProfile;
  readonly stormFast?: PhaseProfile;
  readonly stormSlow?: PhaseProfile;
  readonly fanOut?: PhaseProfile;
}

/** Self time (where cycles burn) and inclusive time of the project's own functions (under which of ours). */
export interface PhaseProfile {
  readonly self: SelfTimeReport;
  readonly inclusiveSrc: SelfTimeReport;
}

/**
 * The top self-time functions of each measured phase, from the profile the server `pid`
 * wrote on exit (V8 names it CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile; the largest of
 * the pid's files is the main thread, the other one tsx's loader thread).
 */
export function readCaseProfiles(dir: string, pid: number, windows: Record<'coldConnect' | 'stormFast' | 'stormSlow' | 'fanOut', PhaseWindow | undefined>): CaseProfiles {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && f.split('.')[3] === String(pid))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const file = files[0];
  if (!file) throw new Error(`no CPU profile of pid ${pid} in ${dir}`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const root = join(import.meta.dirname, '..');
  const locator = new TsSourceLocator();
  const sourceLine = (url: string, line0: number, column0: number) => locator.sourceLine(url, line0, column0);
  // Ours: src/ under tsx, or dist/ with `--server dist`.
  const ownDirs = [`${join(root, 'src')}/`, `${join(root, 'dist')}/`];
  const ours = (url: string) => ownDirs.some((d) => url.includes(d));
  const top = (w: PhaseWindow | undefined): PhaseProfile | undefined => {
    if (!w) return undefined;
    const opts = { fromUs: w.fromUs, toUs: w.toUs, root, limit: 10, sourceLine };
    return { self: topSelfTime(profile, opts), inclusiveSrc: topInclusiveTime(profile, ours, { ...opts, limit: 15 }) };
  };
  return { file, coldConnect: top(windows.coldConnect), stormFast: top(windows.stormFast), stormSlow: top(windows.stormSlow), fanOut: top(windows.fanOut) };
}
