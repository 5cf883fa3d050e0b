/**
 * Lingering close, as nginx does it: a request answered before its body was read (a 413 for a
 * declared length over the limit, a 401, a 404) is answered with `Connection: close`, and Node then
 * closes the socket as soon as the answer is written. Closing a socket whose peer is still sending
 * makes the kernel send a reset, and a reset that reaches the client before it has read the answer
 * throws the answer away: the client sees "connection reset" or EPIPE instead of the 413.
 *
 * So such a socket is half-closed instead: the answer and a FIN go out, and the socket is destroyed
 * LINGER_MS later, or as soon as the client closes its side. A body declared at most LINGER_BYTES
 * long is read to its end and dropped (the socket then closes cleanly at once); a longer or chunked
 * body is not read any further: TCP flow control stops the sender, at no cost here. A client that
 * has read its answer by the time the socket goes (every client that reads while it writes has)
 * loses nothing, and no client can make the server read more than LINGER_BYTES it never asked for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const LINGER_MS = 3_000;
export const LINGER_BYTES = 1024 * 1024;

const lingering = new WeakSet<Socket>();

/** Makes the socket under `res` linger when Node closes it after this answer. */
export function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || lingering.has(socket)) return;
  lingering.add(socket);
  const declared = Number(req.headers['content-length']);
  const readToEnd = req.headers['transfer-encoding'] === undefined && declared <= LINGER_BYTES;
  // Node's server ends a `Connection: close` answer with socket.destroySoon() (end, then destroy).
  socket.destroySoon = function lingerThenDestroy(this: Socket) {
    if (this.destroyed) return;
    const done = () => {
      clearTimeout(timer);
      this.destroy();
    };
    const timer = setTimeout(done, LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', done);
    req.once('end', done);
    req.once('error', done);
    // The answer is out: the rest of the body is this function's alone (a reader that gave up on
    // it, such as multer's drain after an error, would otherwise read all of it).
    req.removeAllListeners('data');
    req.removeAllListeners('readable');
    req.unpipe();
    this.end();
    if (readToEnd) {
      req.resume();
      return;
    }
    // After Node's own resume of an unread request (scheduled on the next tick by req._dump()).
    setImmediate(() => {
      req.pause();
      this.pause();
    });
  };
}
