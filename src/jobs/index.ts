/**
 * jobs: background routines of the server, each `run(deps, signal)` on an injected Clock —
 * peer login expiration, peer inactivity expiration and ephemeral peer cleanup. They are driven
 * by events (PeerActivity: committed changes, settings updates, connection-status writes) and
 * look at an account again exactly when its next expiry or deadline comes, never by polling the
 * store. Every timer and subscription belongs to the signal; `create-app.ts` starts them with the
 * app and awaits them in `stop()`.
 *
 * They must not hold business rules (what expires when, what a deletion takes with it: those are
 * the domain's pure decisions and transactional steps), touch the store other than through the
 * domain's ports and steps, import a driver, or reach into the Sync layer: streams learn of an
 * expiry or deletion from the change bus like every other change.
 */
export { PeerActivity, type ActivityKind, type ActivityListener, type ActivityPeer, type ActivitySource } from './peer-activity.js';
export { runAccountJob, MIN_LOOK_INTERVAL_MS, type AccountJob, type AccountJobDeps, type AccountLook, type JobLogger } from './run-account-job.js';
export { domainPeerJobPorts, type AccountPeers, type PeerJobPorts } from './peer-job-ports.js';
export type { PeerJobDeps } from './peer-job-deps.js';
export { loginExpiryJob, runLoginExpiryJob } from './login-expiry-job.js';
export { inactivityExpiryJob, runInactivityExpiryJob } from './inactivity-expiry-job.js';
export { ephemeralCleanupJob, runEphemeralCleanupJob } from './ephemeral-cleanup-job.js';
export { runPeerJobs } from './run-peer-jobs.js';
export { runAuditPruneJob, pruneAuditEvents, auditPruneCutoff, AUDIT_PRUNE_INTERVAL_MS, type AuditPruneDeps } from './audit-prune-job.js';
