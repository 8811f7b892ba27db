/**
 * `make` called at most once per wall-clock second: the returned function, given the time in
 * epoch ms, answers with what `make` built for the start of that second. For answers every
 * client asks for and that may be up to a second old (credentials valid for hours, a key's
 * 24 h expiry), so a burst of requests builds them once.
 */
export function oncePerSecond<T>(make: (secondStartMs: number) => T): (nowMs: number) => T {
  let last: { second: number; value: T } | undefined;
  return (nowMs) => {
    const second = Math.floor(nowMs / 1000);
    if (last?.second !== second) last = { second, value: make(second * 1000) };
    return last.value;
  };
}
