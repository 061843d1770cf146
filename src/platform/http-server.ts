import type { Server } from 'http';
import type { Socket } from 'net';
import { errorEnvelope } from './envelope';

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large.' },
  HPE_URI_TOO_LONG: { status: 414, code: 'URI_TOO_LONG', message: 'The request URI is too long.' },
};
const BAD_REQUEST = { status: 400, code: 'MALFORMED_REQUEST', message: 'The request cannot be parsed.' };

/**
 * Requests Node's HTTP parser refuses never reach Koa; answer them in Strapi's envelope too
 * (Node's default is a bare status line).
 */
export const answerParserErrorsInEnvelope = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code, message } = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify(errorEnvelope(status, message, { code }));
    socket.end(
      `HTTP/1.1 ${status} ${message}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
  });
};
