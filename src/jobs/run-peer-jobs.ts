import { runEphemeralCleanupJob } from './ephemeral-cleanup-job.js';
import { runInactivityExpiryJob } from './inactivity-expiry-job.js';
import { runLoginExpiryJob } from './login-expiry-job.js';
import type { PeerJobDeps } from './peer-job-deps.js';

/** Runs the three peer jobs until `signal` aborts; resolves once all have finished. */
export async function runPeerJobs(deps: PeerJobDeps, signal: AbortSignal): Promise<void> {
  await Promise.all([runLoginExpiryJob(deps, signal), runInactivityExpiryJob(deps, signal), runEphemeralCleanupJob(deps, signal)]);
}
