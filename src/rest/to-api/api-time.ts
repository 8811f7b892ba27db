/** Go's zero `time.Time` as upstream serialises it for "never" in required date fields. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 UTC text of epoch milliseconds; `null` ("never") becomes Go's zero time. */
export function apiTime(ms: number | null): string {
  return ms === null ? GO_ZERO_TIME : new Date(ms).toISOString();
}
