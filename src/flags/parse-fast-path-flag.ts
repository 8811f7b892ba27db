/**
 * The switch value rule (CONTRACT.md, SEMANTICS.md §7.2): after trimming whitespace, `1` or
 * `true` in any case enables the fast path; anything else — `0`, `false`, `yes`, empty, a
 * missing key (`null`/`undefined`) — disables it.
 */
export function parseFastPathFlag(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const v = value.trim();
  return v === '1' || v.toLowerCase() === 'true';
}
