import type { AccountJobDeps } from './run-account-job.js';
import type { PeerJobPorts } from './peer-job-ports.js';

/** What the three peer jobs run on. */
export interface PeerJobDeps extends AccountJobDeps {
  readonly ports: PeerJobPorts;
  /**
   * Whether the peer has a Sync stream on this process right now. Such a peer is never
   * deleted as ephemeral, even while its connect is still queued for the store.
   */
  readonly streamingHere?: (peerId: string) => boolean;
}
