/**
 * Sealing the answer: key and base nonce are exported from the request's HPKE context, so only the
 * client that sealed the request can open its answer. Message i is sealed with the base nonce XOR i
 * and additional data naming i (and, on a stream's last message, "final"): a dropped, repeated,
 * moved or cut message fails to open or is missed at the end.
 */
import { ConfidentialError } from './errors.js';
import { fromB64u, toB64u } from './base64url.js';
import { PROTOCOL_VERSION, utf8 } from './suite.js';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What the host sends for a JSON answer. */
export interface EncryptedAnswer {
  object: 'cordon.encrypted';
  cordon_encrypted: { version: number; ciphertext: string };
  usage?: Usage;
  /** The output rules the host applied (names only), for the gateway's counts. */
  violations?: string[];
}

/** What the host sends as one stream event's data. */
export interface EncryptedChunk {
  object: 'cordon.encrypted.chunk';
  cordon_encrypted: { seq: number; final?: true; ciphertext: string };
  usage?: Usage;
  violations?: string[];
}

interface Exporter {
  export(exporterContext: ArrayBuffer, length: number): Promise<ArrayBuffer>;
}

const bytes = (s: string): ArrayBuffer => utf8(s).buffer;

/** The AES-256-GCM key and base nonce of one answer. */
export class AnswerKeys {
  private constructor(
    private readonly key: CryptoKey,
    private readonly baseNonce: Uint8Array<ArrayBuffer>,
  ) {}

  static async from(context: Exporter): Promise<AnswerKeys> {
    const raw = await context.export(bytes('cordon/v1 response key'), 32);
    const nonce = new Uint8Array(await context.export(bytes('cordon/v1 response nonce'), 12));
    const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    return new AnswerKeys(key, nonce);
  }

  private nonce(seq: number): Uint8Array<ArrayBuffer> {
    const n = new Uint8Array(this.baseNonce);
    const view = new DataView(n.buffer);
    view.setUint32(4, view.getUint32(4) ^ Math.floor(seq / 2 ** 32));
    view.setUint32(8, view.getUint32(8) ^ (seq >>> 0));
    return n;
  }

  async seal(seq: number, aad: string, plaintext: string): Promise<string> {
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: this.nonce(seq), additionalData: utf8(aad) }, this.key, utf8(plaintext));
    return toB64u(new Uint8Array(ct));
  }

  /** Null when the ciphertext does not open (changed, or not message `seq`). */
  async open(seq: number, aad: string, ciphertext: Uint8Array<ArrayBuffer>): Promise<string | null> {
    try {
      const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: this.nonce(seq), additionalData: utf8(aad) }, this.key, ciphertext);
      return new TextDecoder('utf-8', { fatal: true }).decode(pt);
    } catch {
      return null;
    }
  }
}

const JSON_AAD = 'cordon/v1 response';
const chunkAad = (seq: number, final: boolean) => `cordon/v1 chunk ${seq}${final ? ' final' : ''}`;

/** The engine host's side of one answer. */
export class AnswerSealer {
  private seq = 0;
  private ended = false;

  constructor(private readonly keys: AnswerKeys) {}

  /** A whole JSON answer; `usage` stays in clear for metering. */
  async sealJson(answer: unknown, usage?: Usage): Promise<EncryptedAnswer> {
    const ciphertext = await this.keys.seal(0, JSON_AAD, JSON.stringify(answer));
    return { object: 'cordon.encrypted', cordon_encrypted: { version: PROTOCOL_VERSION, ciphertext }, ...(usage ? { usage } : {}) };
  }

  /** The next stream event (its `data:` text); `usage` stays in clear next to it. */
  async sealChunk(data: string, usage?: Usage): Promise<EncryptedChunk> {
    if (this.ended) throw new Error('the stream was already ended');
    const seq = this.seq++;
    const ciphertext = await this.keys.seal(seq, chunkAad(seq, false), data);
    return { object: 'cordon.encrypted.chunk', cordon_encrypted: { seq, ciphertext }, ...(usage ? { usage } : {}) };
  }

  /** The stream's last event, which stands for `data: [DONE]`. */
  async sealEnd(): Promise<EncryptedChunk> {
    if (this.ended) throw new Error('the stream was already ended');
    this.ended = true;
    const seq = this.seq++;
    const ciphertext = await this.keys.seal(seq, chunkAad(seq, true), '[DONE]');
    return { object: 'cordon.encrypted.chunk', cordon_encrypted: { seq, final: true, ciphertext } };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The client's side of one answer. */
export class AnswerOpener {
  private seq = 0;
  private ended = false;

  constructor(private readonly keys: AnswerKeys) {}

  /** The answer's JSON, opened. */
  async openJson(body: unknown): Promise<unknown> {
    const env = isRecord(body) && isRecord(body.cordon_encrypted) ? body.cordon_encrypted : null;
    const ct = env && fromB64u(env.ciphertext);
    if (!env || !ct || env.version !== PROTOCOL_VERSION) throw new ConfidentialError('invalid_encrypted_answer', 'The answer is not an encrypted answer of this protocol version.');
    const text = await this.keys.open(0, JSON_AAD, ct);
    if (text === null) throw new ConfidentialError('answer_tampered', 'The encrypted answer does not open: it was changed on the way.');
    return JSON.parse(text);
  }

  /** One stream event's data, opened: the original event's data text, or null for the final event. */
  async openChunk(data: unknown): Promise<string | null> {
    if (this.ended) throw new ConfidentialError('chunk_out_of_order', 'An event came after the stream\'s final event.');
    const env = isRecord(data) && isRecord(data.cordon_encrypted) ? data.cordon_encrypted : null;
    const ct = env && fromB64u(env.ciphertext);
    if (!env || !ct || typeof env.seq !== 'number') throw new ConfidentialError('invalid_encrypted_answer', 'The stream event is not an encrypted chunk.');
    if (env.seq !== this.seq) throw new ConfidentialError('chunk_out_of_order', `Expected chunk ${this.seq}, got ${env.seq}: chunks were dropped, repeated or reordered.`);
    const final = env.final === true;
    const text = await this.keys.open(this.seq, chunkAad(this.seq, final), ct);
    if (text === null) throw new ConfidentialError('answer_tampered', `Chunk ${this.seq} does not open: it was changed, moved or marked final on the way.`);
    this.seq++;
    if (final) {
      this.ended = true;
      return null;
    }
    return text;
  }

  /** The stream ended (its transport closed): throws truncated_stream unless the final event came. */
  finish(): void {
    if (!this.ended) throw new ConfidentialError('truncated_stream', `The encrypted stream ended after ${this.seq} chunks without its final chunk: it was cut.`);
  }

  get complete(): boolean {
    return this.ended;
  }
}
