import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the origin the official dashboard is served from (another origin than Roost's
 * API, as in a real install): a plain page on every path, and the query of each visit to the
 * redirect path (`/nb-auth`) handed to whoever waits for it. From its pages a browser test
 * calls Roost cross-origin, as the dashboard's code does, so CORS is exercised for real.
 */
export class DashboardOrigin {
  private waiting: ((q: URLSearchParams) => void)[] = [];
  private readonly queued: URLSearchParams[] = [];
  /** Every path visited, in order. */
  readonly visits: string[] = [];

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>` */
    readonly origin: string,
    readonly redirectPath: string,
  ) {}

  /** Listens on the host and port of `redirectUri` (the dashboard redirect the server registered). */
  static async listen(redirectUri: string): Promise<DashboardOrigin> {
    const uri = new URL(redirectUri);
    let self!: DashboardOrigin;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', uri);
      self.visits.push(url.pathname);
      if (url.pathname === uri.pathname) self.deliver(url.searchParams);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="en"><title>Dashboard stand-in</title><p>Dashboard stand-in</p></html>');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(uri.port), uri.hostname, () => resolve());
    });
    self = new DashboardOrigin(server, `${uri.protocol}//${uri.hostname}:${(server.address() as AddressInfo).port}`, uri.pathname);
    return self;
  }

  get redirectUri(): string {
    return `${this.origin}${this.redirectPath}`;
  }

  /** The query of the next (or an already recorded, unclaimed) redirect. */
  nextRedirect(): Promise<URLSearchParams> {
    const q = this.queued.shift();
    return q ? Promise.resolve(q) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private deliver(q: URLSearchParams): void {
    const w = this.waiting.shift();
    if (w) w(q);
    else this.queued.push(q);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
