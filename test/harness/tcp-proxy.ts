import net from 'node:net';

/**
 * A loopback TCP forwarder to `host:port` that can be killed mid-run: `down()` destroys the
 * listener and every open socket, like a Redis or PostgreSQL that vanished; `up()` again
 * listens on the same port, like the server coming back.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** The local port (0 until the first `up()`, then kept across `down()`/`up()`). */
  port = 0;
  /** Connections accepted so far. */
  accepted = 0;
  /**
   * While true, bytes from the target are read and dropped instead of forwarded: the client's
   * side of every open connection stays up but hears nothing, as behind a blackholed route.
   */
  swallow = false;

  constructor(
    private readonly target: { readonly host: string; readonly port: number },
  ) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      this.accepted++;
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      // One side gone ends the other, as a real server's crash would.
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      // Target → client by hand, so `swallow` can drop those bytes (a blackholed path).
      upstream.on('data', (chunk: Buffer) => {
        if (this.swallow) return;
        if (!client.write(chunk)) {
          upstream.pause();
          client.once('drain', () => upstream.resume());
        }
      });
      upstream.on('end', () => client.end());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
