import { randomToken } from './ids.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a well-formed `x-request-id` or makes one; returns it on every response. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse & { locals: Record<string, any> }): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && VALID.test(given) ? given : `req_${randomToken(12, 'hex')}`;
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
}
