import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The loopback page a CLI serves during a PKCE sign-in (RFC 8252 §7.3): it listens on the
 * redirect URI's host and port (0 = a free one) and hands over the query string of the first
 * request to the redirect path — the authorization code, state and `iss`.
 */
export class OidcLoopbackListener {
  private readonly callback: Promise<URLSearchParams>;

  private constructor(
    private readonly server: Server,
    /** The redirect URI with the port actually listened on. */
    readonly redirectUri: string,
    callback: Promise<URLSearchParams>,
  ) {
    this.callback = callback;
  }

  static async listen(redirectUri: string): Promise<OidcLoopbackListener> {
    const uri = new URL(redirectUri);
    let deliver!: (q: URLSearchParams) => void;
    const callback = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', uri);
      if (url.pathname !== uri.pathname) return void res.writeHead(404).end();
      deliver(url.searchParams);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Login successful. You can close this page.</p>');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(uri.port || 80), uri.hostname.replace(/^\[|\]$/g, ''), () => resolve());
    });
    uri.port = String((server.address() as AddressInfo).port);
    return new OidcLoopbackListener(server, uri.href, callback);
  }

  /** The query of the redirect, once the browser has followed it. */
  received(): Promise<URLSearchParams> {
    return this.callback;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
