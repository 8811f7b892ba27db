import type { AccountChange } from '../domain/change-bus.js';

/** One change as it travels between processes. */
export interface BusMessage {
  /** The publishing process; a process ignores its own messages (it delivered them already). */
  readonly origin: string;
  /** Epoch ms when the origin published (right after the commit): bus lag on arrival. */
  readonly sentAt: number;
  readonly change: AccountChange;
}

/**
 * "Compare your serials with the store now": sent by a process whose publishing connection
 * came back after it had to drop changes, so the others resync at once instead of at their
 * next periodic comparison.
 */
export interface ReconcileRequest {
  readonly origin: string;
  readonly sentAt: number;
  readonly reconcile: true;
}

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** JSON text of a message; the local-only flags (`remote`, `resync`) never travel. */
export function encodeBusMessage(m: BusMessage): string {
  const { remote: _remote, resync: _resync, ...change } = m.change;
  return JSON.stringify({ v: 1, origin: m.origin, sentAt: m.sentAt, change });
}

/** JSON text of a reconcile request. */
export function encodeReconcileRequest(r: Omit<ReconcileRequest, 'reconcile'>): string {
  return JSON.stringify({ v: 1, origin: r.origin, sentAt: r.sentAt, reconcile: true });
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function peerRefs<T>(v: unknown, ok: (o: Record<string, unknown>) => boolean): T[] | undefined | null {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => isObj(x) && ok(x))) return null;
  return v as T[];
}

/**
 * The message in `text`, or undefined when it is not one (another version, another writer on the
 * channel, a truncated payload): such messages are dropped, never half-applied.
 */
export function decodeBusMessage(text: string): BusMessage | ReconcileRequest | undefined {
  if (text.length > MAX_MESSAGE_BYTES) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(raw) || raw['v'] !== 1 || !isStr(raw['origin']) || !isNum(raw['sentAt'])) return undefined;
  if (raw['reconcile'] === true && raw['change'] === undefined) return { origin: raw['origin'], sentAt: raw['sentAt'], reconcile: true };
  if (!isObj(raw['change'])) return undefined;
  const c = raw['change'];
  if (!isStr(c['accountId']) || !isNum(c['serial'])) return undefined;
  const peers = c['peers'];
  if (!(peers === 'all' || (Array.isArray(peers) && peers.every(isStr)))) return undefined;
  const deletedPeers = peerRefs<{ id: string; key: string }>(c['deletedPeers'], (o) => isStr(o['id']) && isStr(o['key']));
  const updatedPeers = peerRefs<{ id: string; key: string; loginGeneration: number }>(c['updatedPeers'], (o) => isStr(o['id']) && isStr(o['key']) && isNum(o['loginGeneration']));
  if (deletedPeers === null || updatedPeers === null) return undefined;
  const change: AccountChange = {
    accountId: c['accountId'],
    serial: c['serial'],
    peers: peers as AccountChange['peers'],
    ...(deletedPeers ? { deletedPeers } : {}),
    ...(updatedPeers ? { updatedPeers } : {}),
  };
  return { origin: raw['origin'], sentAt: raw['sentAt'], change };
}
