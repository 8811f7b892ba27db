/**
 * `fn` remembering its last call. Credentials are a pure function of (secret, expiry second):
 * every Sync answered within one second gets the same TURN password and relay signature, so a
 * reconnect storm need mint them once a second, not once a peer.
 */
export function lastResult<R>(fn: (a: string, b: string) => R): (a: string, b: string) => R {
  let last: { a: string; b: string; r: R } | undefined;
  return (a, b) => {
    if (last === undefined || last.a !== a || last.b !== b) last = { a, b, r: fn(a, b) };
    return last.r;
  };
}
