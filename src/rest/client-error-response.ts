import { STATUS_CODES } from 'node:http';
import { errorBody } from './errors.js';

/** The error Node's HTTP parser reports for a request it cannot read. */
export interface ClientErrorLike {
  readonly code?: string;
}

/** Status and message for a request refused by Node's parser, before any route sees it. */
export function clientErrorFailure(err: ClientErrorLike): { status: number; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'request header fields too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'request timeout' };
    default:
      return { status: 400, message: 'bad request' };
  }
}

/**
 * The raw HTTP/1.1 answer written on the socket for such a request, with the API's error
 * body. The connection is closed: the parser cannot tell where the next request starts.
 */
export function clientErrorResponse(err: ClientErrorLike): string {
  const { status, message } = clientErrorFailure(err);
  const body = JSON.stringify(errorBody(status, message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
