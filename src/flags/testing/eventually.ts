/**
 * Polls `cond` every few milliseconds until it holds, rejecting after `deadlineMs` with
 * `what` — tests wait for background routines this way instead of sleeping a fixed time.
 */
export async function eventually(cond: () => boolean | Promise<boolean>, what: string, deadlineMs = 2_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
