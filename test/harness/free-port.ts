import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * The lowest port the kernel hands out for outgoing connections. A port picked inside that
 * range can be taken as the local end of some client's connection before the process that
 * wanted it listens (seen in CI: EADDRINUSE), so test ports are picked below it.
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const LOW = ephemeralLow() - 12_000;
const HIGH = ephemeralLow() - 1;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port free right now, outside the ephemeral range: for processes that need a fixed port. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH}`);
}
