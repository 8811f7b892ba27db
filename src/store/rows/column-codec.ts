/** Booleans are stored as 0/1 on every engine. */
export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number | boolean): boolean => n === 1 || n === true;

/** JSON text columns. */
export const toJson = (value: unknown): string => JSON.stringify(value);
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
export function fromJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Deterministic order on every engine (PostgreSQL text collation may differ from SQLite's). */
export function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
