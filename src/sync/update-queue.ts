/**
 * What a live Sync stream still has to send. Map pushes are triggers, not payloads: the map is
 * computed from the newest snapshot when the writer gets to it, so "latest map wins" falls out,
 * and a trigger at or below the serial already sent is skipped.
 */
export type QueuedUpdate =
  | { readonly kind: 'map'; readonly serial: number }
  /** A credential refresh: never dropped, kept in order. */
  | { readonly kind: 'config'; readonly which: 'turn' | 'relay' }
  /** The peer was deleted: send an empty map, then end the stream. */
  | { readonly kind: 'deleted'; readonly serial: number };

/**
 * Adds `next` to `queue` (returns a new array). A map trigger replaces a map trigger directly
 * before it (keeping the higher serial); everything else is appended in order; nothing follows a
 * deletion.
 */
export function enqueueUpdate(queue: readonly QueuedUpdate[], next: QueuedUpdate): QueuedUpdate[] {
  const last = queue[queue.length - 1];
  if (last?.kind === 'deleted') return [...queue];
  if (next.kind === 'map' && last?.kind === 'map') {
    return [...queue.slice(0, -1), { kind: 'map', serial: Math.max(last.serial, next.serial) }];
  }
  return [...queue, next];
}

/** Whether a dequeued map trigger still needs a send, given the serial last delivered. */
export function mapTriggerIsStale(trigger: { serial: number }, lastSentSerial: number): boolean {
  return trigger.serial <= lastSentSerial;
}
