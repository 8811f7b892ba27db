/**
 * Whether a change may go out on the bus now, or is dropped: never queued while the publishing
 * connection is down (an outage would otherwise grow memory without bound), and at most
 * `maxInFlight` unanswered at once (a connection that looks up but hears nothing, as behind a
 * blackholed route). A dropped change is not lost: its commit moved the account's serial, and
 * every other process's serial comparison (SerialReconciler) finds and resyncs it.
 */
export function admitPublish(state: { readonly connected: boolean; readonly inFlight: number; readonly maxInFlight: number }): boolean {
  return state.connected && state.inFlight < state.maxInFlight;
}
