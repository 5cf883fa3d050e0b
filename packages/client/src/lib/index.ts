/**
 * Hand-written helpers beside the generated SDK (never touched by the generator):
 *  - `createCordonClients`: configured clients for the OpenAI-compatible API and the admin API;
 *  - `streamChatCompletion`, `streamCompletion`, `streamResponse`: SSE streams as async iterables
 *    (the generated SDK keeps only the JSON body of operations that also stream);
 *  - `uploadAudio`: multipart uploads for transcriptions and translations; `streamTranscription`
 *    streams a transcript's events.
 */
import { createClient, createConfig, type Client } from '../generated/client/index.js';
import type {
  CreateChatCompletionRequest,
  CreateChatCompletionStreamResponse,
  CreateCompletionRequest,
  CreateCompletionResponse,
  CreateTranscriptionRequest,
  CreateTranscriptionResponseStreamEvent,
} from '../generated/types.gen.js';

export interface CordonClientOptions {
  /** The gateway's origin, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  apiKey: string;
  /** Act in a named domain through `/proxy/{domain_id}/v1`. */
  domainId?: string;
  fetch?: typeof fetch;
}

export interface CordonClients {
  /** For the OpenAI-compatible operations (base `{origin}/v1` or `{origin}/proxy/{domain}/v1`). */
  api: Client;
  /** For the admin operations (their paths are absolute: base is the origin). */
  admin: Client;
  options: CordonClientOptions;
}

export function apiBaseUrl(o: CordonClientOptions): string {
  const origin = o.baseUrl.replace(/\/+$/, '');
  return o.domainId ? `${origin}/proxy/${encodeURIComponent(o.domainId)}/v1` : `${origin}/v1`;
}

export function createCordonClients(options: CordonClientOptions): CordonClients {
  const common = { auth: () => options.apiKey, ...(options.fetch ? { fetch: options.fetch } : {}) };
  return {
    api: createClient(createConfig({ baseUrl: apiBaseUrl(options), ...common })),
    admin: createClient(createConfig({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...common })),
    options,
  };
}

/** An error response from the gateway, in OpenAI's shape. */
export class CordonApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: { message: string; type: string; param: string | null; code: string | null },
  ) {
    super(error.message);
    this.name = 'CordonApiError';
  }
}

/** Parses a `text/event-stream` body into the JSON of each `data:` event, stopping at `[DONE]`. */
export async function* parseSse<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let sep: number;
      while ((sep = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const raw = buffer.slice(0, sep);
        buffer = buffer.slice(sep + (buffer[sep] === '\r' ? 4 : 2));
        const data = raw
          .split(/\r?\n/)
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).replace(/^ /, ''))
          .join('\n');
        if (!data) continue;
        if (data === '[DONE]') return;
        const parsed = JSON.parse(data);
        if (parsed && typeof parsed === 'object' && 'error' in parsed && !('type' in parsed)) {
          throw new CordonApiError(500, parsed.error);
        }
        yield parsed as T;
      }
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  }
}

async function post(clients: CordonClients, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const f = clients.options.fetch ?? fetch;
  const res = await f(`${apiBaseUrl(clients.options)}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clients.options.apiKey}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok || !res.body) {
    const err = (await res.json().catch(() => null)) as { error?: CordonApiError['error'] } | null;
    throw new CordonApiError(res.status, err?.error ?? { message: res.statusText, type: 'server_error', param: null, code: null });
  }
  return res;
}

export async function* streamChatCompletion(
  clients: CordonClients,
  request: Omit<CreateChatCompletionRequest, 'stream'>,
  signal?: AbortSignal,
): AsyncGenerator<CreateChatCompletionStreamResponse> {
  const res = await post(clients, '/chat/completions', { ...request, stream: true }, signal);
  yield* parseSse<CreateChatCompletionStreamResponse>(res.body!);
}

export async function* streamCompletion(
  clients: CordonClients,
  request: Omit<CreateCompletionRequest, 'stream'>,
  signal?: AbortSignal,
): AsyncGenerator<CreateCompletionResponse> {
  const res = await post(clients, '/completions', { ...request, stream: true }, signal);
  yield* parseSse<CreateCompletionResponse>(res.body!);
}

/** Streams Responses API events (`response.created` … `response.completed`). */
export async function* streamResponse(
  clients: CordonClients,
  request: Record<string, unknown> & { model: string },
  signal?: AbortSignal,
): AsyncGenerator<{ type: string; sequence_number: number } & Record<string, unknown>> {
  const res = await post(clients, '/responses', { ...request, stream: true }, signal);
  yield* parseSse(res.body!);
}

/** Multipart upload for `/audio/transcriptions` and `/audio/translations`. */
export async function uploadAudio(
  clients: CordonClients,
  kind: 'transcriptions' | 'translations',
  file: Blob,
  filename: string,
  fields: Record<string, string | number | boolean | string[] | undefined>,
  signal?: AbortSignal,
): Promise<Response> {
  const form = new FormData();
  form.set('file', file, filename);
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) form.append(`${k}[]`, item);
    else form.set(k, String(v));
  }
  const f = clients.options.fetch ?? fetch;
  const res = await f(`${apiBaseUrl(clients.options)}/audio/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clients.options.apiKey}` },
    body: form,
    signal,
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as { error?: CordonApiError['error'] } | null;
    throw new CordonApiError(res.status, err?.error ?? { message: res.statusText, type: 'server_error', param: null, code: null });
  }
  return res;
}

/**
 * Streams a transcription: `transcript.text.delta` events, then one `transcript.text.done` with the
 * whole text. The part's file name is `filename`, else the `File`'s own name, else `audio`.
 */
export async function* streamTranscription(
  clients: CordonClients,
  request: Omit<CreateTranscriptionRequest, 'stream'> & { filename?: string },
  signal?: AbortSignal,
): AsyncGenerator<CreateTranscriptionResponseStreamEvent> {
  const { file, filename, ...fields } = request;
  const name = filename ?? ('name' in file && file.name ? file.name : 'audio');
  const res = await uploadAudio(clients, 'transcriptions', file, name, { ...fields, stream: true }, signal);
  yield* parseSse<CreateTranscriptionResponseStreamEvent>(res.body!);
}
