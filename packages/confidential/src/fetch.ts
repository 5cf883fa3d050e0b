/**
 * `confidentialFetch`: a fetch for the official `openai` SDK, the generated client or any code that
 * takes a fetch, that seals requests end to end to the engine host that serves the model
 * (docs/confidential.md) and opens the answers, streams included. The gateway routes them without
 * being able to read them.
 *
 *   import OpenAI from 'openai';
 *   import { confidentialFetch } from '@cordon/confidential';
 *   const openai = new OpenAI({ baseURL, apiKey, fetch: confidentialFetch() });
 *
 * For each POST to chat/completions, completions or embeddings it:
 *  1. fetches the host's evidence (`GET {base}/attestation?model=&nonce=`, with the request's own
 *     Authorization) and verifies it (`none` evidence only with `allowInsecureNone`), once per model;
 *  2. seals the body (the clear fields stay for routing and limits) and sends it;
 *  3. opens the answer: a JSON body whole; a stream chunk by chunk, refusing a dropped, moved,
 *     changed or cut chunk with an error instead of a short answer.
 * A host that restarted has a new key: on `unknown_key` the evidence is fetched again and the request
 * sealed again, once. Other requests pass through untouched.
 */
import type { AnswerOpener } from './answer.js';
import { verifyAttestation, type VerifyOptions } from './attestation.js';
import { toB64u } from './base64url.js';
import { ConfidentialError } from './errors.js';
import { SEALED_HEADER, splitSealedPath } from './fields.js';
import { sealRequest } from './request.js';
import { SseDataSplitter } from './sse-data.js';
import type { HostPublicKey } from './suite.js';

export interface ConfidentialFetchOptions extends VerifyOptions {
  /** The fetch that sends (default: the global fetch). */
  fetch?: typeof fetch;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Opens a sealed SSE stream into the stream the host would have sent in clear. */
function openedStream(source: ReadableStream<Uint8Array>, answer: AnswerOpener): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const events = new SseDataSplitter();
  const ready: string[] = [];
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const data = ready.shift();
          if (data !== undefined) {
            if (!data || data === '[DONE]') continue; // the clear [DONE] proves nothing: the final chunk does
            const parsed: unknown = JSON.parse(data);
            if (!isRecord(parsed) || parsed.object !== 'cordon.encrypted.chunk') {
              controller.enqueue(encoder.encode(`data: ${data}\n\n`)); // an error event from the gateway, in clear
              continue;
            }
            const opened = await answer.openChunk(parsed);
            controller.enqueue(encoder.encode(`data: ${opened ?? '[DONE]'}\n\n`));
            return;
          }
          const { done, value } = await reader.read();
          if (done) {
            answer.finish();
            controller.close();
            return;
          }
          ready.push(...events.push(decoder.decode(value, { stream: true })));
        }
      } catch (err) {
        controller.error(err);
        await reader.cancel().catch(() => undefined);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

export function confidentialFetch(options: ConfidentialFetchOptions = {}): typeof fetch {
  const send = options.fetch ?? globalThis.fetch;
  const keys = new Map<string, Promise<HostPublicKey>>();

  const hostKey = (base: string, model: string, authorization: string | null, fresh: boolean): Promise<HostPublicKey> => {
    const id = `${base} ${model}`;
    if (fresh) keys.delete(id);
    let key = keys.get(id);
    if (!key) {
      key = (async () => {
        const nonce = crypto.getRandomValues(new Uint8Array(32));
        const res = await send(`${base}/attestation?model=${encodeURIComponent(model)}&nonce=${toB64u(nonce)}`, { headers: authorization ? { authorization } : {} });
        if (!res.ok) throw new ConfidentialError('evidence_invalid', `Fetching the engine host's evidence for '${model}' failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
        return verifyAttestation(await res.json(), nonce, options);
      })();
      keys.set(id, key);
      key.catch(() => keys.delete(id));
    }
    return key;
  };

  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const sealedPath = splitSealedPath(url.pathname);
    if (request.method !== 'POST' || !sealedPath) return send(request);
    const { op } = sealedPath;
    const body: unknown = await request.clone().json().catch(() => null);
    if (!isRecord(body) || typeof body.model !== 'string') return send(request);
    const base = `${url.origin}${sealedPath.base}`;
    const authorization = request.headers.get('authorization');

    const attempt = async (fresh: boolean) => {
      const sealed = await sealRequest(await hostKey(base, String(body.model), authorization, fresh), op, body);
      const headers = new Headers(request.headers);
      headers.set(SEALED_HEADER, '1');
      headers.set('content-type', 'application/json');
      headers.delete('content-length');
      const res = await send(url, { method: 'POST', headers, body: JSON.stringify(sealed.body), signal: request.signal });
      return { res, answer: sealed.answer };
    };
    let { res, answer } = await attempt(false);
    if (res.status === 409) {
      const err: unknown = await res.clone().json().catch(() => null);
      if (isRecord(err) && isRecord(err.error) && err.error.code === 'unknown_key') ({ res, answer } = await attempt(true));
    }
    if (!res.ok || !res.body) return res;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    if (/text\/event-stream/i.test(res.headers.get('content-type') ?? '')) {
      return new Response(openedStream(res.body, answer), { status: res.status, statusText: res.statusText, headers });
    }
    const opened = await answer.openJson(await res.json());
    return new Response(JSON.stringify(opened), { status: res.status, statusText: res.statusText, headers });
  };
}
