/**
 * Bounds the full-map sends in progress across all streams. Building a map, encoding and
 * sealing it are synchronous (and with SQLite even the store resolves without a real wait), so
 * 5,000 streams woken by one change would otherwise run back to back without the event loop
 * ever turning: no keepalive answered, no request read, seconds to minutes of stall, and every
 * encoded map held in memory at once. Each send here first yields to the event loop, then holds
 * one of `slots` until its message is handed to the transport — or `holdMs` has passed, so a
 * peer that stops reading cannot block everyone else (its own stream still waits for it).
 */
export class SendGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly holdMs: number,
  ) {}

  /** Runs `send` (build, encode, write; resolves when written) within the bound. */
  async run(send: () => Promise<void>): Promise<void> {
    await this.acquire();
    let sent: Promise<void> | undefined;
    try {
      await new Promise<void>((r) => setImmediate(r));
      sent = send();
      await settledOrAfter(sent, this.holdMs);
    } finally {
      this.release();
    }
    await sent;
  }

  get inFlight(): number {
    return this.active;
  }

  private acquire(): Promise<void> {
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot straight to the next waiter, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Resolves when `p` settles (rejecting with it) or after `ms`, whichever is first. */
async function settledOrAfter(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
