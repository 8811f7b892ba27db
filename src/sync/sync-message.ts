import type { ChecksConfig, NetworkMap } from '../netmap/network-map.js';
import type { ControlConfig } from './control-config.js';

/**
 * One message on a Sync stream, protocol-free (PROTOCOL.md §6.4): the first message of a slow
 * Sync has all three; a map push has no config; a credential refresh or a fast-path answer has
 * no map.
 */
export interface SyncMessage {
  readonly config: ControlConfig | null;
  readonly map: NetworkMap | null;
  /** Posture checks to send; null = none sent. */
  readonly checks: readonly ChecksConfig[] | null;
}
