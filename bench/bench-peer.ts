import { status } from '@grpc/grpc-js';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import nacl from 'tweetnacl';
import sodium from 'sodium-native';
import {
  EmptySchema,
  EncryptedMessageSchema,
  LoginRequestSchema,
  ServerKeyResponseSchema,
  SyncRequestSchema,
} from '../src/gen/management_pb.js';
import { formatWgKey, generateWgKeyPair, parseWgKey, type WgKeyPair } from '../src/crypto/wg-key.js';
import { GrpcCallError, linuxMeta, type MetaInit } from '../test/harness/test-agent.js';
import type { H2Channel } from './h2-grpc.js';
import { CountingSync, type SyncListener } from './counting-sync.js';
import { peekSealedSyncResponse } from './peek-sealed-sync-response.js';
import { summarizeSyncResponse, type SyncResponseSummary } from './sync-response-summary.js';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

const SERVICE = '/management.ManagementService/';
const NONCE = 24;
const EMPTY = toBinary(EmptySchema, create(EmptySchema));

/**
 * How Sync responses are checked. `all`: every message opened (MAC checked) and parsed.
 * `sample`: messages up to `FULL_CHECK_BYTES`, and every message of one peer in
 * `SAMPLE_EVERY`, are opened; other large ones are only peeked for their serial — one core
 * opening 5,000 multi-megabyte maps would otherwise become the bottleneck being measured.
 */
export type VerifyMode = 'all' | 'sample';
export const FULL_CHECK_BYTES = 64 * 1024;
export const SAMPLE_EVERY = 16;

/**
 * How much of a message a peeked response keeps: the EncryptedMessage header and the
 * SyncResponse up to the NetworkMap's serial fit many times over (the server writes the map
 * after the config, peer config and posture checks, the serial first in it). At least
 * FULL_CHECK_BYTES, so that every message a peer opens fully is kept whole.
 */
export const PEEK_PREFIX_BYTES = 64 * 1024;

/** Whether peer `index` fully opens a response of `bytes` bytes. */
export function opensFully(mode: VerifyMode, index: number, bytes: number): boolean {
  return mode === 'all' || bytes <= FULL_CHECK_BYTES || index % SAMPLE_EVERY === 0;
}

/**
 * How many bytes of each Sync response peer `index` keeps: all of the ones it opens fully
 * (every one in `all` mode or for a sampled peer; up to FULL_CHECK_BYTES for the others),
 * the first PEEK_PREFIX_BYTES of the ones it only peeks.
 */
export function keptBytes(mode: VerifyMode, index: number): number {
  return opensFully(mode, index, Infinity) ? Infinity : PEEK_PREFIX_BYTES;
}

/**
 * The body (field 2) of an EncryptedMessage of `length` bytes given its first bytes `kept`:
 * a view of the part of the body kept, and the body's full length.
 */
export function sealedBody(kept: Uint8Array, length = kept.length): { kept: Uint8Array; length: number } {
  const r = new BinaryReader(kept);
  let body: { kept: Uint8Array; length: number } | undefined;
  while (r.pos < r.len) {
    const [no, wt] = r.tag();
    if (no !== 2 || wt !== WireType.LengthDelimited) {
      r.skip(wt, no);
      continue;
    }
    const bodyLength = r.uint32();
    const end = r.pos + bodyLength;
    if (end > length) throw new Error('EncryptedMessage body runs past the end of the message');
    body = { kept: kept.subarray(r.pos, end), length: bodyLength };
    // Nothing after a body cut short by the prefix was kept.
    if (end > kept.length) break;
    r.pos = end;
  }
  if (!body) throw new Error('EncryptedMessage without a body');
  return body;
}

/**
 * One simulated NetBird peer for the load generator. It speaks the wire protocol exactly as
 * the harness's TestAgent does (GetServerKey before every Login and Sync, the NaCl envelope,
 * the same meta) but differs where scale matters: the X25519 shared key is computed once
 * per server key instead of per message, the channel comes from a pool, and Sync streams
 * keep counters instead of queueing messages.
 */
export class BenchPeer {
  readonly keys: WgKeyPair = generateWgKeyPair();
  readonly publicKey = formatWgKey(this.keys.publicKey);
  readonly meta: MetaInit;
  private shared: { serverKey: string; key: Uint8Array } | undefined;

  constructor(
    readonly index: number,
    private readonly channel: () => H2Channel,
    hostname = `bench-${index}`,
    private readonly verify: VerifyMode = 'sample',
  ) {
    this.meta = linuxMeta(hostname);
  }

  /** GetServerKey, as clients call it before every Login and Sync attempt. */
  async serverKey(timeoutMs = 30_000): Promise<string> {
    const bytes = await this.unary('GetServerKey', EMPTY, timeoutMs);
    return fromBinary(ServerKeyResponseSchema, bytes).key;
  }

  /** NetBird's registration dance: Login, and on PERMISSION_DENIED Login with the setup key. */
  async register(setupKey: string, timeoutMs = 60_000): Promise<void> {
    try {
      await this.login('', timeoutMs);
    } catch (err) {
      if (!(err instanceof GrpcCallError) || err.code !== status.PERMISSION_DENIED) throw err;
      await this.login(setupKey, timeoutMs);
    }
  }

  async login(setupKey: string, timeoutMs = 60_000): Promise<void> {
    const key = await this.serverKey(timeoutMs);
    const inner = toBinary(
      LoginRequestSchema,
      create(LoginRequestSchema, {
        setupKey,
        meta: this.meta,
        peerKeys: { sshPubKey: new Uint8Array(), wgPubKey: new TextEncoder().encode(this.publicKey) },
      }),
    );
    this.open(key, await this.unary('Login', this.seal(key, inner), timeoutMs));
  }

  /** GetServerKey, then a Sync stream with this peer's meta; `openedAt` is taken at the Sync call. */
  async sync(listener: SyncListener): Promise<CountingSync> {
    const key = await this.serverKey();
    const body = this.seal(key, toBinary(SyncRequestSchema, create(SyncRequestSchema, { meta: this.meta })));
    const call = this.channel().call(SERVICE + 'Sync', body, undefined, keptBytes(this.verify, this.index));
    return new CountingSync(this.index, performance.now(), call, (kept, length) => this.summarize(key, kept, length), listener);
  }

  private unary(method: string, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return this.channel().unary(SERVICE + method, body, timeoutMs);
  }

  private sharedKey(serverKey: string): Uint8Array {
    if (this.shared?.serverKey !== serverKey) this.shared = { serverKey, key: nacl.box.before(parseWgKey(serverKey), this.keys.secretKey) };
    return this.shared.key;
  }

  private seal(serverKey: string, inner: Uint8Array): Uint8Array {
    const nonce = nacl.randomBytes(NONCE);
    const boxed = nacl.box.after(inner, nonce, this.sharedKey(serverKey));
    const body = new Uint8Array(NONCE + boxed.length);
    body.set(nonce, 0);
    body.set(boxed, NONCE);
    return toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: this.publicKey, body }));
  }

  private summarize(serverKey: string, kept: Uint8Array, length: number): SyncResponseSummary {
    if (opensFully(this.verify, this.index, length)) {
      if (kept.length !== length) throw new Error(`only ${kept.length} of ${length} bytes were kept of a message to open fully`);
      return summarizeSyncResponse(this.open(serverKey, kept));
    }
    const body = sealedBody(kept, length);
    return peekSealedSyncResponse(body.kept, this.sharedKey(serverKey), body.length);
  }

  /**
   * Opens an EncryptedMessage from the server (the MAC is checked); throws when it does not
   * open. libsodium, not tweetnacl: the generator opens one peer's maps in 16 fully.
   */
  private open(serverKey: string, bytes: Uint8Array): Uint8Array {
    const body = sealedBody(bytes).kept;
    const mac = sodium.crypto_secretbox_MACBYTES;
    if (body.length < NONCE + mac) throw new Error('server response is too short to decrypt');
    const plain = new Uint8Array(body.length - NONCE - mac);
    if (!sodium.crypto_secretbox_open_easy(plain, body.subarray(NONCE), body.subarray(0, NONCE), this.sharedKey(serverKey))) {
      throw new Error('server response does not decrypt with the shared key');
    }
    return plain;
  }
}
