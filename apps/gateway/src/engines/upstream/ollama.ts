/**
 * Engine `ollama`: the OpenAI-compatible engine against Ollama's `/v1` (targets' base_url like
 * `http://127.0.0.1:11434/v1`), plus Ollama's own model listing and pulling for the superadmin CLI.
 * `listOllamaModels` and `pullOllamaModel` take the same base_url (with or without `/v1`).
 */
import { StringDecoder } from 'node:string_decoder';
import { request } from 'undici';
import { OpenAICompatibleEngine, type UpstreamEngineOptions } from './openai-compatible.js';

export class OllamaEngine extends OpenAICompatibleEngine {
  override readonly name = 'ollama' as const;
  constructor(opts: UpstreamEngineOptions = {}) {
    super(opts);
  }
}

export interface OllamaModel {
  name: string;
  model: string;
  size: number;
  digest: string;
  modified_at: string;
  details?: Record<string, unknown>;
}

export interface OllamaPullProgress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

export interface OllamaCallOptions {
  /** Authorization for an Ollama behind a proxy (sent as Bearer). */
  apiKey?: string;
  signal?: AbortSignal;
  /** For listing: the whole request (default 10 s). For pulling: longest silence between progress lines (default 5 min). */
  timeoutMs?: number;
}

/** `http://host:11434/v1` -> `http://host:11434` (Ollama's native API lives at the root). */
export function ollamaRoot(baseUrl: string): string {
  const u = new URL(baseUrl);
  const path = u.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${u.origin}${path}`;
}

function headers(o: OllamaCallOptions): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'cordon-gateway' };
  if (o.apiKey) h.authorization = `Bearer ${o.apiKey}`;
  return h;
}

async function errorText(status: number, body: { text(): Promise<string> }): Promise<Error> {
  const text = await body.text().catch(() => '');
  let msg = text.trim().slice(0, 300);
  try {
    const j = JSON.parse(text);
    if (typeof j?.error === 'string') msg = j.error;
    else if (typeof j?.error?.message === 'string') msg = j.error.message;
  } catch {
    // not JSON: keep the text
  }
  return new Error(`Ollama answered HTTP ${status}${msg ? `: ${msg}` : ''}`);
}

/** GET /api/tags: the models the Ollama server has. */
export async function listOllamaModels(baseUrl: string, o: OllamaCallOptions = {}): Promise<OllamaModel[]> {
  const signal = o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs ?? 10_000)]) : AbortSignal.timeout(o.timeoutMs ?? 10_000);
  const res = await request(`${ollamaRoot(baseUrl)}/api/tags`, { method: 'GET', headers: headers(o), signal });
  if (res.statusCode !== 200) throw await errorText(res.statusCode, res.body);
  const j = (await res.body.json()) as { models?: OllamaModel[] };
  return Array.isArray(j?.models) ? j.models : [];
}

/**
 * POST /api/pull, streaming NDJSON progress to `onProgress` as it arrives; resolves on `success`,
 * rejects on an `{"error"}` line, an HTTP error, or a stream that ends without success.
 */
export async function pullOllamaModel(
  baseUrl: string,
  name: string,
  onProgress: (p: OllamaPullProgress) => void = () => {},
  o: OllamaCallOptions = {},
): Promise<void> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const idleMs = o.timeoutMs ?? 300_000;
  const timer = setTimeout(() => controller.abort(new Error('no progress from Ollama')), idleMs);
  timer.unref();
  try {
    const res = await request(`${ollamaRoot(baseUrl)}/api/pull`, {
      method: 'POST',
      headers: { ...headers(o), accept: 'application/x-ndjson' },
      body: JSON.stringify({ model: name, name, stream: true }),
      signal: controller.signal,
    });
    if (res.statusCode !== 200) throw await errorText(res.statusCode, res.body);
    let rest = '';
    let ok = false;
    const decoder = new StringDecoder('utf8');
    const line = (l: string) => {
      if (!l.trim()) return;
      let j: Record<string, unknown>;
      try {
        j = JSON.parse(l);
      } catch {
        throw new Error('Ollama sent an invalid progress line');
      }
      if (typeof j.error === 'string') throw new Error(`Ollama could not pull '${name}': ${j.error}`);
      const p: OllamaPullProgress = { status: String(j.status ?? '') };
      if (typeof j.digest === 'string') p.digest = j.digest;
      if (typeof j.total === 'number') p.total = j.total;
      if (typeof j.completed === 'number') p.completed = j.completed;
      onProgress(p);
      if (p.status === 'success') ok = true;
    };
    for await (const chunk of res.body) {
      timer.refresh();
      rest += decoder.write(chunk as Buffer);
      let nl;
      while ((nl = rest.indexOf('\n')) !== -1) {
        const l = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        line(l);
      }
    }
    line(rest + decoder.end());
    if (!ok) throw new Error(`Ollama ended the pull of '${name}' without success`);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}
