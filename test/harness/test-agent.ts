import { Client, credentials, Metadata, status, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import {
  EmptySchema,
  EncryptedMessageSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  PeerSystemMetaSchema,
  ServerKeyResponseSchema,
  SyncMetaRequestSchema,
  SyncRequestSchema,
  SyncResponseSchema,
  type LoginResponse,
  type PeerSystemMeta,
  type ServerKeyResponse,
  type SyncResponse,
} from '../../src/gen/management_pb.js';
import { open, seal } from '../../src/crypto/envelope.js';
import { formatWgKey, generateWgKeyPair, parseWgKey, type WgKeyPair } from '../../src/crypto/wg-key.js';

const SERVICE = '/management.ManagementService/';
const raw = { ser: (b: Uint8Array) => Buffer.from(b), de: (b: Buffer) => new Uint8Array(b) };

export type MetaInit = MessageInitShape<typeof PeerSystemMetaSchema>;

/** What a netbird client sends as setup key next to a JWT when the user gave none. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A modern Linux client's meta (hostname given). */
export function linuxMeta(hostname: string, extra: Partial<MetaInit> = {}): MetaInit {
  const base: MetaInit = {
    hostname,
    goOS: 'linux',
    kernel: 'Linux',
    platform: 'x86_64',
    OS: 'Debian GNU/Linux',
    OSVersion: '12',
    core: '12',
    netbirdVersion: '0.70.0',
    kernelVersion: '6.1.0',
  };
  return Object.assign(base, extra) as MetaInit;
}

/** A gRPC error with its status code, as the client sees it. */
export class GrpcCallError extends Error {
  constructor(
    readonly code: status,
    readonly details: string,
  ) {
    super(`${status[code]}: ${details}`);
  }
}

function asCallError(err: ServiceError): GrpcCallError {
  return new GrpcCallError(err.code ?? status.UNKNOWN, err.details ?? err.message);
}

/**
 * A NetBird client as far as the wire is concerned: one WireGuard key pair, GetServerKey before
 * every Login and every Sync attempt, the NaCl envelope both ways.
 */
export class TestAgent {
  readonly client: Client;
  readonly keys: WgKeyPair;

  constructor(
    readonly target: string,
    opts: { keys?: WgKeyPair; channelOptions?: Record<string, number | string> } = {},
  ) {
    this.keys = opts.keys ?? generateWgKeyPair();
    this.client = new Client(target, credentials.createInsecure(), {
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
      ...opts.channelOptions,
    });
  }

  get publicKey(): string {
    return formatWgKey(this.keys.publicKey);
  }

  close(): void {
    this.client.close();
  }

  /** Calls a unary method with raw request bytes; resolves with raw response bytes. */
  callRaw(method: string, body: Uint8Array, timeoutMs = 10_000): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(SERVICE + method, raw.ser, raw.de, body, new Metadata(), { deadline: Date.now() + timeoutMs }, (err, res) =>
        err ? reject(asCallError(err)) : resolve(res!),
      );
    });
  }

  async getServerKey(): Promise<ServerKeyResponse> {
    return fromBinary(ServerKeyResponseSchema, await this.callRaw('GetServerKey', toBinary(EmptySchema, create(EmptySchema))));
  }

  async isHealthy(): Promise<void> {
    await this.callRaw('isHealthy', toBinary(EmptySchema, create(EmptySchema)));
  }

  /** Builds an EncryptedMessage for `serverKey` around already-encoded inner bytes. */
  envelope(serverKey: string, inner: Uint8Array, senderKey = this.publicKey): Uint8Array {
    const body = seal(inner, parseWgKey(serverKey), this.keys.secretKey);
    return toBinary(EncryptedMessageSchema, create(EncryptedMessageSchema, { wgPubKey: senderKey, body }));
  }

  /** Opens an EncryptedMessage from the server. */
  openResponse(serverKey: string, bytes: Uint8Array): Uint8Array {
    const msg = fromBinary(EncryptedMessageSchema, bytes);
    return open(msg.body, parseWgKey(serverKey), this.keys.secretKey);
  }

  async login(req: { setupKey?: string; meta?: MetaInit | null; sshKey?: string; dnsLabels?: string[]; jwtToken?: string } = {}): Promise<LoginResponse> {
    const { key } = await this.getServerKey();
    const inner = toBinary(
      LoginRequestSchema,
      create(LoginRequestSchema, {
        setupKey: req.setupKey ?? '',
        meta: req.meta === null ? undefined : (req.meta ?? linuxMeta('agent-host')),
        peerKeys: { sshPubKey: new TextEncoder().encode(req.sshKey ?? ''), wgPubKey: new TextEncoder().encode(this.publicKey) },
        dnsLabels: req.dnsLabels ?? [],
        jwtToken: req.jwtToken ?? '',
      }),
    );
    const out = await this.callRaw('Login', this.envelope(key, inner));
    return fromBinary(LoginResponseSchema, this.openResponse(key, out));
  }

  /** NetBird's registration dance: plain Login, and on PERMISSION_DENIED Login with the setup key. */
  async register(setupKey: string, meta: MetaInit = linuxMeta('agent-host'), sshKey?: string): Promise<LoginResponse> {
    try {
      return await this.login({ meta, sshKey });
    } catch (err) {
      if (!(err instanceof GrpcCallError) || err.code !== status.PERMISSION_DENIED) throw err;
      return this.login({ setupKey, meta, sshKey });
    }
  }

  /**
   * The SSO login as the netbird client runs it once it holds a token (PROTOCOL.md §5.1, §5.5):
   * a plain Login first; on PERMISSION_DENIED ("login required") the same Login with the JWT and,
   * as the client fills it, the nil UUID as setup key.
   */
  async ssoLogin(jwtToken: string, meta: MetaInit = linuxMeta('agent-host'), sshKey?: string): Promise<LoginResponse> {
    try {
      return await this.login({ meta, sshKey });
    } catch (err) {
      if (!(err instanceof GrpcCallError) || err.code !== status.PERMISSION_DENIED) throw err;
      return this.login({ jwtToken, setupKey: NIL_UUID, meta, sshKey });
    }
  }

  async syncMeta(meta: MetaInit): Promise<void> {
    const { key } = await this.getServerKey();
    await this.callRaw('SyncMeta', this.envelope(key, toBinary(SyncMetaRequestSchema, create(SyncMetaRequestSchema, { meta }))));
  }

  async logout(): Promise<void> {
    const { key } = await this.getServerKey();
    await this.callRaw('Logout', this.envelope(key, toBinary(EmptySchema, create(EmptySchema))));
  }

  /** Opens a Sync stream with `meta` (or exact inner bytes, e.g. a frozen wire fixture). */
  async sync(request: { meta?: MetaInit; innerBytes?: Uint8Array } = {}): Promise<SyncStream> {
    const { key } = await this.getServerKey();
    const inner = request.innerBytes ?? toBinary(SyncRequestSchema, create(SyncRequestSchema, request.meta ? { meta: request.meta } : {}));
    const call = this.client.makeServerStreamRequest(SERVICE + 'Sync', raw.ser, raw.de, this.envelope(key, inner), new Metadata(), {});
    return new SyncStream(call, (bytes) => this.openResponse(key, bytes), (inner) => fromBinary(SyncResponseSchema, inner));
  }
}

type Item = { msg: SyncResponse } | { err: GrpcCallError } | { end: true };

/** A client's Sync stream: `next(timeout)` reads the next response; `close()` cancels like a client. */
export class SyncStream {
  private readonly queue: Item[] = [];
  private waiter: ((i: Item) => void) | undefined;
  private ended = false;
  /** Every message's opened (decrypted, still encoded) SyncResponse bytes, in order of arrival. */
  readonly inners: Uint8Array[] = [];

  constructor(
    private readonly call: ClientReadableStream<Uint8Array>,
    open: (b: Uint8Array) => Uint8Array,
    decode: (inner: Uint8Array) => SyncResponse,
  ) {
    call.on('data', (b: Uint8Array) => {
      try {
        const inner = open(b);
        this.inners.push(inner);
        this.push({ msg: decode(inner) });
      } catch (e) {
        this.push({ err: new GrpcCallError(status.DATA_LOSS, `undecryptable response: ${(e as Error).message}`) });
      }
    });
    call.on('error', (e: ServiceError) => this.push({ err: asCallError(e) }));
    call.on('end', () => this.push({ end: true }));
  }

  private push(i: Item): void {
    if (this.ended) return;
    if ('end' in i || 'err' in i) this.ended = true;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w(i);
    } else this.queue.push(i);
  }

  /** The next message; rejects with GrpcCallError on a status, `Error('stream ended')` on EOF, or on timeout. */
  next(timeoutMs = 5_000): Promise<SyncResponse> {
    const ready = this.queue.shift();
    const settle = (i: Item): SyncResponse => {
      if ('msg' in i) return i.msg;
      if ('err' in i) throw i.err;
      throw new Error('stream ended');
    };
    if (ready) return Promise.resolve().then(() => settle(ready));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no Sync message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = (i) => {
        clearTimeout(timer);
        try {
          resolve(settle(i));
        } catch (e) {
          reject(e);
        }
      };
    });
  }

  /** Reads until a message satisfies `pred` (skipping others) or the deadline passes. */
  async nextMatching(pred: (m: SyncResponse) => boolean, timeoutMs = 5_000): Promise<SyncResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching Sync message within ${timeoutMs} ms`);
      const m = await this.next(left);
      if (pred(m)) return m;
    }
  }

  /** Waits for the stream to end; resolves with the status code (OK for a plain end). */
  async ended_(timeoutMs = 5_000): Promise<status> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.next(Math.max(1, deadline - Date.now()));
      } catch (e) {
        if (e instanceof GrpcCallError) return e.code;
        if ((e as Error).message === 'stream ended') return status.OK;
        throw e;
      }
    }
  }

  close(): void {
    this.call.cancel();
  }
}

export { status };
export type { PeerSystemMeta };
