/** The one store method this wrapper times (`R`: what a transaction's callback is handed). */
interface WithTx<R> {
  withTx<T>(fn: (repos: R) => Promise<T>): Promise<T>;
}

/**
 * `store` whose transactions report their duration in seconds and whether they committed;
 * everything else is the store itself (reached through the prototype, so its methods and
 * repositories are the same objects).
 */
export function timeTransactions<R, S extends WithTx<R>>(store: S, observe: (seconds: number, committed: boolean) => void): S {
  const timed = Object.create(store) as S;
  const withTx: WithTx<R>['withTx'] = async (fn) => {
    const t0 = performance.now();
    let committed = false;
    try {
      const result = await store.withTx(fn);
      committed = true;
      return result;
    } finally {
      observe((performance.now() - t0) / 1000, committed);
    }
  };
  Object.defineProperty(timed, 'withTx', { value: withTx });
  return timed;
}
