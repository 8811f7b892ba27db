/** A logger with the two levels a throttled warning uses (pino-compatible). */
export interface WarnDebugLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * A warning per message at most once every `everyMs`; repeats in between go to debug and are
 * counted into the next warning (`suppressed`). For fallbacks that can fire once per request
 * (a broken cache during a reconnect storm): the operator hears of it without a flood.
 */
export function throttledWarn(log: WarnDebugLogger, everyMs: number, now: () => number = Date.now): (obj: object, msg: string) => void {
  const state = new Map<string, { at: number; suppressed: number }>();
  return (obj, msg) => {
    const s = state.get(msg);
    const t = now();
    if (s && t - s.at < everyMs) {
      s.suppressed++;
      log.debug(obj, msg);
      return;
    }
    log.warn(s && s.suppressed > 0 ? { ...obj, suppressed: s.suppressed } : obj, msg);
    state.set(msg, { at: t, suppressed: 0 });
  };
}
