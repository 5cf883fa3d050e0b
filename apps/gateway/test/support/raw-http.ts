/**
 * Raw HTTP/1.1 over a socket, for tests that need the request target sent byte for byte (fetch
 * normalizes paths) and to know how much of a body the server read; and a plain GET for a status.
 */
import { connect, type Socket } from 'node:net';
import { request, type Agent, type Server } from 'node:http';

/** Server-side sockets by the client's port, to read how many bytes the server took in. */
export function trackSockets(server: Server): Map<number, Socket> {
  const sockets = new Map<number, Socket>();
  server.on('connection', (s) => sockets.set(s.remotePort!, s));
  return sockets;
}

export interface RawResult {
  status: number;
  headers: Record<string, string>;
  body: any;
  /** Milliseconds from the first byte sent to the status line received. */
  ms: number;
  /** Bytes the server's socket read for this request (headers and body). */
  serverRead: number;
  /** Body bytes this client managed to send before the answer (or the close). */
  sent: number;
}

/**
 * One request over its own socket, the request target sent byte for byte. With `bodyBytes`, the
 * body is written in 64 KB chunks, honouring backpressure, as a real client does: all of it, unless
 * the server closes the connection first.
 */
export async function rawRequest(
  base: string,
  sockets: Map<number, Socket>,
  method: string,
  target: string,
  opts: { key?: string; bodyBytes?: number; contentType?: string } = {},
): Promise<RawResult> {
  const u = new URL(base);
  const sock = connect(Number(u.port), u.hostname);
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  const port = sock.localPort!;
  const headers = [`${method} ${target} HTTP/1.1`, `host: ${u.host}`];
  if (opts.key) headers.push(`authorization: Bearer ${opts.key}`);
  if (opts.bodyBytes !== undefined) headers.push(`content-type: ${opts.contentType ?? 'application/json'}`, `content-length: ${opts.bodyBytes}`);
  const chunks: Buffer[] = [];
  let answeredAt = 0;
  let closed = false;
  let answered = false;
  const gone = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  const ended = new Promise<void>((resolve) => {
    sock.on('data', (d) => {
      if (!answeredAt) answeredAt = performance.now();
      chunks.push(d);
      // A response with a complete body ends the exchange even if the server keeps the socket.
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const len = /\r\ncontent-length: *(\d+)/i.exec(text);
      if (head !== -1 && len && text.length >= head + 4 + Number(len[1])) {
        answered = true;
        resolve();
      }
    });
    sock.on('close', () => {
      closed = true;
      resolve();
    });
    sock.on('error', () => resolve());
  });
  const start = performance.now();
  sock.write(`${headers.join('\r\n')}\r\n\r\n`);
  let sent = 0;
  if (opts.bodyBytes) {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // Like curl, it stops sending once a whole answer came back before the body was sent.
    while (sent < opts.bodyBytes && !closed && !answered && !sock.destroyed) {
      const n = Math.min(chunk.length, opts.bodyBytes - sent);
      const more = sock.write(n === chunk.length ? chunk : chunk.subarray(0, n));
      sent += n;
      if (!more) await Promise.race([new Promise((r) => sock.once('drain', r)), gone, ended]);
    }
  }
  await ended;
  sock.destroy();
  const server = sockets.get(port);
  // Let the server's side see the close before reading its count.
  await new Promise((r) => setTimeout(r, 20));
  const text = Buffer.concat(chunks).toString('utf8');
  const head = text.indexOf('\r\n\r\n');
  const lines = text.slice(0, head).split('\r\n');
  const status = Number(lines[0]?.split(' ')[1]);
  const hdrs: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    hdrs[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  const bodyText = text.slice(head + 4);
  let body: any = bodyText;
  try {
    body = JSON.parse(bodyText);
  } catch {
    /* not JSON */
  }
  return { status, headers: hdrs, body, ms: answeredAt ? answeredAt - start : Infinity, serverRead: server?.bytesRead ?? -1, sent };
}

/** GET / on 127.0.0.1:`port` (through `agent`, if given); resolves with the status once the body has been read. */
export function getStatus(port: number, agent?: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/', ...(agent ? { agent } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}
