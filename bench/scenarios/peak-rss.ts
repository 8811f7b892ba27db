import type { ServerUnderTest } from '../server-under-test.js';

/**
 * Samples the server's RSS every `intervalMs` until stopped; `stop()` returns the peak.
 * Pushes to thousands of streams can buffer one encoded map per stream, so the peak during a
 * phase says more than the value after it.
 */
export function samplePeakRss(server: ServerUnderTest, intervalMs = 100): { stop(): number } {
  let peak = server.stats().rssBytes;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.stats().rssBytes);
    } catch {
      // The process may be exiting; the peak so far stands.
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peak = Math.max(peak, server.stats().rssBytes);
      } catch {
        // as above
      }
      return peak;
    },
  };
}
