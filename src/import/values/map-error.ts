/**
 * Why one upstream row cannot be imported. Thrown by a kind's mapper and caught by the planner,
 * which records it against the row (table + id) instead of guessing a value.
 */
export class MapError extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
  ) {
    super(column === undefined ? message : `${column}: ${message}`);
  }
}

/** Shorthand for `throw new MapError(column, message)` inside expressions. */
export function fail(column: string | undefined, message: string): never {
  throw new MapError(column, message);
}
