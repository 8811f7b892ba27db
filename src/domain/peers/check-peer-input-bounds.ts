import { invalidArgument } from '../errors.js';
import type { PeerMeta } from '../model.js';

/**
 * Size limits on what a client reports about itself (Login, Sync, SyncMeta). Upstream stores
 * whatever arrives; a real client stays far below each limit, so only a broken or hostile one
 * is refused. Lengths are JavaScript string lengths (UTF-16 code units).
 */
export const PEER_INPUT_BOUNDS = Object.freeze({
  /**
   * Every short text of the meta: host name (a DNS name is ≤ 253), OS, kernel, version and
   * platform names (tens of characters), SMBIOS serial, product and manufacturer (64 each),
   * cloud and platform names, an interface's address text and MAC (≤ 59 for InfiniBand).
   */
  text: 1_024,
  /** A posture-check file path: PATH_MAX on Linux is 4,096 (Windows' long paths stay below). */
  filePath: 4_096,
  /** Interface addresses: a host with many containers or VLANs has hundreds at most. */
  networkAddresses: 1_024,
  /** Reported files: one per path the account's posture checks name. */
  files: 1_024,
  /** OpenSSH public key line: the client's ed25519 is ~100, even RSA-16384 is ~2,800. */
  sshKey: 4_096,
  /** Extra DNS labels: upstream takes at most 32 domains in a list, each a DNS name. */
  dnsLabels: 32,
  dnsLabel: 253,
});

export interface PeerInput {
  readonly meta: PeerMeta;
  /** Login only: the SSH public key and the extra DNS labels. */
  readonly sshKey?: string;
  readonly dnsLabels?: readonly string[];
}

type TextField = 'hostname' | 'goOS' | 'kernel' | 'core' | 'platform' | 'os' | 'osVersion' | 'netbirdVersion' | 'uiVersion' | 'kernelVersion' | 'sysSerialNumber' | 'sysProductName' | 'sysManufacturer';
const TEXT_FIELDS: readonly TextField[] = ['hostname', 'goOS', 'kernel', 'core', 'platform', 'os', 'osVersion', 'netbirdVersion', 'uiVersion', 'kernelVersion', 'sysSerialNumber', 'sysProductName', 'sysManufacturer'];

/**
 * Refuses (InvalidArgument, naming the first field over its limit, never echoing the value) a
 * meta or Login extra that exceeds PEER_INPUT_BOUNDS. Called before anything is read or stored.
 */
export function checkPeerInputBounds(input: PeerInput): void {
  const b = PEER_INPUT_BOUNDS;
  const { meta } = input;
  for (const f of TEXT_FIELDS) text(`meta.${f}`, meta[f], b.text);
  text('meta.environment.cloud', meta.environment.cloud, b.text);
  text('meta.environment.platform', meta.environment.platform, b.text);
  list('meta.networkAddresses', meta.networkAddresses.length, b.networkAddresses);
  meta.networkAddresses.forEach((a, i) => {
    text(`meta.networkAddresses[${i}].netIP`, a.netIP, b.text);
    text(`meta.networkAddresses[${i}].mac`, a.mac, b.text);
  });
  list('meta.files', meta.files.length, b.files);
  meta.files.forEach((f, i) => text(`meta.files[${i}].path`, f.path, b.filePath));
  if (input.sshKey !== undefined) text('sshKey', input.sshKey, b.sshKey);
  if (input.dnsLabels !== undefined) {
    list('dnsLabels', input.dnsLabels.length, b.dnsLabels);
    input.dnsLabels.forEach((l, i) => text(`dnsLabels[${i}]`, l, b.dnsLabel));
  }
}

function text(field: string, value: string, max: number): void {
  if (value.length > max) throw invalidArgument(`${field} is too long: ${value.length} characters, at most ${max}`);
}

function list(field: string, length: number, max: number): void {
  if (length > max) throw invalidArgument(`${field} has too many entries: ${length}, at most ${max}`);
}
