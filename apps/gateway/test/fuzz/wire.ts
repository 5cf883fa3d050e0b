/**
 * Sends one fuzz request over its own TCP connection, with the request head written byte for byte
 * as generated (so paths, methods, header values and content-length can lie or be malformed), and
 * reads the whole answer (`Connection: close`), de-chunked.
 */
import { connect } from 'node:net';

export interface FuzzRequest {
  /** What the request is, for reports: `<operationId or path kind> <generator>`. */
  label: string;
  /** Who sends it: a fixture key name, 'none' (no Authorization) or 'garbage'. */
  caller: string;
  method: string;
  path: string;
  /** Header lines, in order; values are written as latin1 bytes, so any byte can be sent. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Set when the head is malformed on purpose: Node's own parser may answer (empty 400/431) or close. */
  malformed?: boolean;
  /** The server may wait for bytes that never come (content-length larger than the body). */
  mayHang?: boolean;
  /** Statuses this request must get (an isolation probe), when one is required. */
  expect?: { statuses: number[]; why: string };
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** No complete answer before the deadline (the connection was then closed by us). */
  timedOut: boolean;
  /** The server closed the connection without any answer. */
  noAnswer: boolean;
  ms: number;
}

const MAX_ANSWER = 16 * 1024 * 1024;

function dechunk(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < buf.length) {
    const eol = buf.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(i, eol).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** The answer without interim 1xx responses (`100 Continue`) in front of it. */
function finalAnswer(raw: Buffer): Buffer {
  while (/^HTTP\/1\.[01] 1\d\d/.test(raw.subarray(0, 12).toString('latin1'))) {
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) break;
    raw = raw.subarray(end + 4);
  }
  return raw;
}

export function parseAnswer(whole: Buffer): Pick<FuzzResponse, 'status' | 'headers' | 'body'> | null {
  const raw = finalAnswer(whole);
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const c = line.indexOf(':');
    if (c > 0) {
      const name = line.slice(0, c).trim().toLowerCase();
      const value = line.slice(c + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status: Number(m[1]), headers, body };
}

/** Whether `raw` holds a whole answer: head, and a body complete by its length or chunked terminator. */
function complete(whole: Buffer, method: string): boolean {
  const raw = finalAnswer(whole);
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = raw.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
  if (method === 'HEAD' || status === 204 || status === 304) return true;
  const body = raw.subarray(end + 4);
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) return body.subarray(0, 5).toString('latin1') === '0\r\n\r\n' || body.subarray(-7).toString('latin1') === '\r\n0\r\n\r\n';
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  return length ? body.length >= Number(length[1]) : false;
}

export function send(host: string, port: number, req: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  const head = [`${req.method} ${req.path} HTTP/1.1`, `host: ${host}:${port}`, 'connection: close', ...req.headers.map(([k, v]) => `${k}: ${v}`)].join('\r\n') + '\r\n\r\n';
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const socket = connect({ host, port });
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks);
      const parsed = parseAnswer(raw);
      const ms = performance.now() - started;
      if (!parsed) resolve({ status: 0, headers: {}, body: raw, timedOut, noAnswer: !timedOut, ms });
      else resolve({ ...parsed, timedOut, noAnswer: false, ms });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (d: Buffer) => {
      size += d.length;
      if (size > MAX_ANSWER) return finish(false);
      chunks.push(d);
      // A complete answer ends the request even if the server keeps the connection open.
      if (complete(Buffer.concat(chunks), req.method)) finish(false);
    });
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), req.body]));
  });
}

/** A request as text for a failure report (long bodies cut, bytes that are not text escaped). */
export function describe(req: FuzzRequest): string {
  const body = req.body.length > 400 ? `${req.body.subarray(0, 400).toString('latin1')}... (${req.body.length} bytes)` : req.body.toString('latin1');
  const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const path = req.path.length > 300 ? `${req.path.slice(0, 300)}... (${req.path.length} chars)` : req.path;
  const headers = req.headers.map(([k, v]) => `  ${k}: ${printable(k === 'authorization' ? redactAuth(v) : v.length > 200 ? `${v.slice(0, 200)}...` : v)}`).join('\n');
  return `[${req.label}] as ${req.caller}\n  ${req.method} ${printable(path)}\n${headers}\n  body: ${printable(body)}`;
}

/** Keys are test fixtures, but reports still show only their first characters. */
const redactAuth = (v: string) => (v.length > 24 ? `${v.slice(0, 20)}...(${v.length} chars)` : v);
