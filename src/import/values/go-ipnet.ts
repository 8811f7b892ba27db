/**
 * Upstream stores an account's network as Go's `net.IPNet` in JSON: `{"IP":"100.64.0.0",
 * "Mask":"//8AAA=="}` with the mask base64. Roost keeps the CIDR text.
 */
import { fail } from './map-error.js';
import { knownObject, str } from './json-shapes.js';

export function goIpNetToCidr(column: string, v: unknown): string {
  const o = knownObject(column, v, ['IP', 'Mask']);
  const ip = str(column, o, 'IP');
  const mask = Buffer.from(str(column, o, 'Mask'), 'base64');
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return fail(column, `not an IPv4 network address: ${JSON.stringify(ip)}`);
  if (mask.length !== 4) return fail(column, `mask is ${mask.length} bytes, expected 4 (IPv4)`);
  const bits = mask.readUInt32BE(0);
  const prefix = bits === 0 ? 0 : 32 - Math.log2((~bits >>> 0) + 1);
  if (!Number.isInteger(prefix)) return fail(column, `mask ${mask.toString('hex')} is not contiguous`);
  return `${ip}/${prefix}`;
}
