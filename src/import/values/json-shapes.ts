/**
 * Checks on decoded JSON columns: upstream writes Go structs with Go field names, and a key
 * this build does not know is reported (MapError), never dropped silently.
 */
import { fail } from './map-error.js';

export type JsonObject = Record<string, unknown>;

/** A JSON array of strings; null (a nil Go slice) is the empty list. */
export function stringList(column: string, v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(column, `expected a list of strings, got ${JSON.stringify(v)}`);
  return v as string[];
}

/** A JSON object whose keys are all in `known`; unknown keys are an error naming them. */
export function knownObject(column: string, v: unknown, known: readonly string[]): JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(column, `expected an object, got ${JSON.stringify(v)}`);
  const unknown = Object.keys(v).filter((k) => !known.includes(k));
  if (unknown.length > 0) return fail(column, `unknown field(s) ${unknown.join(', ')}`);
  return v as JsonObject;
}

/** A JSON list of objects, each checked like `knownObject`. */
export function objectList(column: string, v: unknown, known: readonly string[]): JsonObject[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return fail(column, `expected a list, got ${JSON.stringify(v)}`);
  return v.map((x) => knownObject(column, x, known));
}

export function str(column: string, o: JsonObject, key: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : fail(column, `${key} is not a string`);
}

export function bool(column: string, o: JsonObject, key: string): boolean {
  const v = o[key];
  if (v === undefined || v === null) return false;
  return typeof v === 'boolean' ? v : fail(column, `${key} is not a boolean`);
}

export function int(column: string, o: JsonObject, key: string): number {
  const v = o[key];
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' && Number.isInteger(v) ? v : fail(column, `${key} is not an integer`);
}

/** A value that must be one of `allowed`; anything else is an unknown enum value. */
export function oneOf<T extends string | number>(column: string, v: unknown, allowed: readonly T[]): T {
  if (allowed.includes(v as T)) return v as T;
  return fail(column, `unknown value ${JSON.stringify(v)} (known: ${allowed.map((a) => JSON.stringify(a)).join(', ')})`);
}
