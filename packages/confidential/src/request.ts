/**
 * Sealing a request: the operation's JSON body with every field outside the operation's clear list
 * sealed (HPKE to the host's key), the clear fields bound as additional data. The host opens it,
 * checks the time and that it is not a replay, and gets the body back whole, with the keys of its answer.
 */
import { AnswerKeys, AnswerOpener, AnswerSealer } from './answer.js';
import { fromB64u, toB64u } from './base64url.js';
import { canonicalJson } from './canonical-json.js';
import { ConfidentialError } from './errors.js';
import type { ReplayGuard } from './replay.js';
import { PROTOCOL_VERSION, suite, utf8, type HostKey, type HostPublicKey } from './suite.js';
import { CLEAR_FIELDS, ENVELOPE_FIELD, SENT_AT, type SealedOperation } from './fields.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const infoOf = (op: SealedOperation) => utf8(`cordon/v1 request ${op}`);

export interface SealedRequest {
  /** The body to send: the clear fields and `cordon_encrypted`. */
  body: Record<string, unknown>;
  /** Opens the answer to this request (and only it). */
  answer: AnswerOpener;
}

export async function sealRequest(host: HostPublicKey, operation: SealedOperation, body: Record<string, unknown>, now = Date.now()): Promise<SealedRequest> {
  const clearNames = new Set(CLEAR_FIELDS[operation]);
  const clear: Record<string, unknown> = {};
  const sealed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === ENVELOPE_FIELD || k === SENT_AT) throw new TypeError(`'${k}' is the protocol's own field`);
    (clearNames.has(k) ? clear : sealed)[k] = v;
  }
  sealed[SENT_AT] = now;
  const recipientPublicKey = await suite.kem.deserializePublicKey(host.publicKey);
  const sender = await suite.createSenderContext({ recipientPublicKey, info: infoOf(operation) });
  const ciphertext = new Uint8Array(await sender.seal(utf8(JSON.stringify(sealed)), utf8(canonicalJson(clear))));
  return {
    body: { ...clear, [ENVELOPE_FIELD]: { version: PROTOCOL_VERSION, key_id: host.keyId, enc: toB64u(new Uint8Array(sender.enc)), ciphertext: toB64u(ciphertext) } },
    answer: new AnswerOpener(await AnswerKeys.from(sender)),
  };
}

/** True when a request body carries an encrypted envelope (the gateway and the host route on it). */
export const isSealed = (body: unknown): boolean => isRecord(body) && ENVELOPE_FIELD in body;

export interface OpenedRequest {
  /** The body as the client wrote it. */
  body: Record<string, unknown>;
  /** Seals the answer to this request. */
  answer: AnswerSealer;
}

export async function openRequest(key: HostKey, operation: SealedOperation, body: Record<string, unknown>, guard: ReplayGuard, now = Date.now()): Promise<OpenedRequest> {
  const env = body[ENVELOPE_FIELD];
  if (!isRecord(env) || env.version !== PROTOCOL_VERSION) throw new ConfidentialError('invalid_envelope', `'${ENVELOPE_FIELD}' must be an object with version ${PROTOCOL_VERSION}, key_id, enc and ciphertext.`);
  if (env.key_id !== key.keyId) throw new ConfidentialError('unknown_key', 'The request is sealed to a key this engine host does not have (it may have restarted): fetch its attestation again.');
  const enc = fromB64u(env.enc);
  const ct = fromB64u(env.ciphertext);
  if (!enc || !ct) throw new ConfidentialError('invalid_envelope', `'${ENVELOPE_FIELD}.enc' and '.ciphertext' must be base64url.`);
  const clear: Record<string, unknown> = {};
  const clearNames = new Set(CLEAR_FIELDS[operation]);
  for (const [k, v] of Object.entries(body)) {
    if (k === ENVELOPE_FIELD) continue;
    if (!clearNames.has(k)) throw new ConfidentialError('invalid_envelope', `The field '${k}' may not be sent in clear with an encrypted request.`);
    clear[k] = v;
  }
  let text: string;
  try {
    const recipient = await suite.createRecipientContext({ recipientKey: key.keyPair, enc: enc.buffer, info: infoOf(operation) });
    text = new TextDecoder('utf-8', { fatal: true }).decode(await recipient.open(ct, utf8(canonicalJson(clear))));
    const sealed: unknown = JSON.parse(text);
    if (!isRecord(sealed)) throw new Error('not an object');
    const { [SENT_AT]: sentAt, ...fields } = sealed;
    guard.check(String(env.enc), sentAt, now);
    for (const k of Object.keys(fields)) if (clearNames.has(k)) throw new ConfidentialError('invalid_envelope', `The field '${k}' must be sent in clear.`);
    return { body: { ...clear, ...fields }, answer: new AnswerSealer(await AnswerKeys.from(recipient)) };
  } catch (err) {
    if (err instanceof ConfidentialError) throw err;
    throw new ConfidentialError('decryption_failed', 'The encrypted request does not open: its ciphertext or its clear fields were changed, or it was sealed for another operation.');
  }
}
