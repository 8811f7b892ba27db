export interface SendGateOptions {
  /** Sends building, encoding or writing at once. */
  readonly slots: number;
  /** How long a send may hold its slot before its peer counts as slow to read. */
  readonly holdMs: number;
  /**
   * Bytes of slow sends (past `holdMs`, not yet written) allowed before new sends wait. What a
   * peer has not read stays in memory; without a bound, one change to a large account queues
   * every peer's map at once (allow-all, 5,000 peers: 8.8 GB).
   */
  readonly lingerBytes: number;
  /**
   * How long a slow send counts against `lingerBytes`: a peer that stopped reading altogether
   * keeps its one message, but must not hold everyone else's updates back.
   */
  readonly stallMs: number;
}

/** Tells the gate a send's encoded size, once known (before the write). */
export type Weigh = (bytes: number) => void;

/**
 * Bounds the full-map sends in progress across all streams. Building a map, encoding and
 * sealing it are synchronous (and with SQLite even the store resolves without a real wait), so
 * 5,000 streams woken by one change would otherwise run back to back without the event loop
 * ever turning: no keepalive answered, no request read, seconds to minutes of stall, and every
 * encoded map held in memory at once. Each send here first yields to the event loop, then holds
 * one of `slots` until its message is handed to the transport — or `holdMs` has passed, so a
 * peer that stops reading cannot block everyone else (its own stream still waits for it). The
 * bytes of such slow sends are bounded too (`lingerBytes`): sends wait for readers rather than
 * pile up unread messages.
 */
export class SendGate {
  private active = 0;
  private lingering = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: SendGateOptions) {}

  /** Runs `send` (build, encode, write; resolves when written) within the bounds. */
  async run(send: (weigh: Weigh) => Promise<void>): Promise<void> {
    await this.acquire();
    let bytes = 0;
    let sent: Promise<void> | undefined;
    let stopCounting: (() => void) | undefined;
    try {
      await new Promise<void>((r) => setImmediate(r));
      sent = send((n) => (bytes += n));
      if (!(await settledOrAfter(sent, this.options.holdMs))) stopCounting = this.linger(bytes);
    } finally {
      this.release();
    }
    try {
      await sent;
    } finally {
      stopCounting?.();
    }
  }

  get inFlight(): number {
    return this.active;
  }

  /** Bytes of slow sends counted against the budget now. */
  get lingeringBytes(): number {
    return this.lingering;
  }

  /** Counts `bytes` until the returned function is called or `stallMs` has passed. */
  private linger(bytes: number): () => void {
    this.lingering += bytes;
    let counted = true;
    const stop = () => {
      if (!counted) return;
      counted = false;
      clearTimeout(timer);
      this.lingering -= bytes;
      this.pump();
    };
    const timer = setTimeout(stop, this.options.stallMs);
    return stop;
  }

  private acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  private release(): void {
    this.active--;
    this.pump();
  }

  /** Starts waiters, in order, while a slot is free and slow sends are within budget. */
  private pump(): void {
    while (this.waiting.length > 0 && this.active < this.options.slots && this.lingering < this.options.lingerBytes) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}

/** Whether `p` settled within `ms` (rejecting with it if it rejected). */
async function settledOrAfter(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
