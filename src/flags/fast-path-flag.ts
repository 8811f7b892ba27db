/**
 * The Sync fast-path kill switch (SEMANTICS.md §7.2): a boolean read on every Sync and flipped
 * by the polling routine. Starts disabled.
 */
export class FastPathFlag {
  #on: boolean;
  readonly #fixed: boolean;

  /**
   * @param initial starting state (default off)
   * @param fixed when true, `set` is ignored — a switch that can never change
   */
  constructor(initial = false, fixed = false) {
    this.#on = initial;
    this.#fixed = fixed;
  }

  /** A flag in a known state that can still be flipped (tests; upstream `NewFastPathFlag`). */
  static forced(on: boolean): FastPathFlag {
    return new FastPathFlag(on);
  }

  /** Whether the fast path may be taken right now. */
  enabled(): boolean {
    return this.#on;
  }

  /** Sets the state; returns whether it changed. A fixed flag never changes. */
  set(on: boolean): boolean {
    if (this.#fixed || this.#on === on) return false;
    this.#on = on;
    return true;
  }
}

/** A permanently disabled flag: what a server without a switch Redis runs with. */
export const disabledFastPathFlag: FastPathFlag = new FastPathFlag(false, true);
