/**
 * The engine host's extension endpoints (outside the OpenAI contract, token-authenticated JSON),
 * reached over the host's socket through the upstream engine's pools:
 *   GET  /host/v1/models/{id}  -> { id, state: ModelState, vocabulary_size?, context_size? }
 *   POST /host/v1/tokenize     { model, text }   -> { count }
 *   POST /host/v1/detokenize   { model, tokens } -> { text }
 *   GET  /host/v1/stats        -> { models: { <id>: { active, generatedTokens, queued } } }
 *   GET  /host/v1/usage/{request_id} -> { prompt_tokens, completion_tokens, total_tokens }
 */
import type { PoolSet } from '../upstream/pools.js';
import { UpstreamError, fromHostResponse, fromTransportError, upstreamBroken } from '../upstream/errors.js';
import type { EngineHostEndpoint } from './supervisor.js';
import type { Usage } from '../types.js';
import { isRecord } from '../../records.js';

const CONNECT_TIMEOUT_MS = 5_000;
/** The largest answer read from an extension endpoint (a detokenized text is the largest). */
const ANSWER_LIMIT = 64 * 1024 * 1024;

export interface HostModelInfo {
  state: string;
  reason?: string;
  vocabularySize?: number;
  contextSize?: number;
}

export interface HostModelStats {
  active: number;
  generatedTokens: number;
  queued: number;
}

/** An engine host's JSON answer, which is always an object. */
export function hostJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw upstreamBroken('invalid JSON from the engine host', false);
  }
  if (!isRecord(parsed)) throw upstreamBroken('unexpected JSON from the engine host', false);
  return parsed;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

export class EngineHostApi {
  constructor(private readonly pools: PoolSet) {}

  /** One JSON call; a transport failure is an UpstreamError of kind `connect` (the host may have died). */
  private async call(ep: EngineHostEndpoint, method: 'GET' | 'POST', path: string, body?: object, requestId?: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const pool = this.pools.get('http://localhost', CONNECT_TIMEOUT_MS, ep.socketPath);
    const headers: Record<string, string> = { authorization: `Bearer ${ep.token}`, accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (requestId) headers['x-request-id'] = requestId;
    let text: string;
    let status: number;
    let resHeaders: Record<string, string | string[] | undefined>;
    try {
      const res = await pool.request({ path, method, headers, body: body ? JSON.stringify(body) : null, signal });
      status = res.statusCode;
      resHeaders = res.headers;
      const len = Number(res.headers['content-length'] ?? 0);
      if (len > ANSWER_LIMIT) {
        res.body.destroy();
        throw upstreamBroken('answer too large', false);
      }
      text = await res.body.text();
    } catch (err) {
      if (signal?.aborted) throw err;
      if (err instanceof UpstreamError) throw err;
      throw fromTransportError(err);
    }
    if (status >= 400) throw fromHostResponse(status, resHeaders, text);
    return hostJsonObject(text);
  }

  async model(ep: EngineHostEndpoint, modelId: string, requestId?: string): Promise<HostModelInfo> {
    const j = await this.call(ep, 'GET', `/host/v1/models/${encodeURIComponent(modelId)}`, undefined, requestId);
    const state = isRecord(j.state) ? j.state : {};
    const info: HostModelInfo = { state: typeof state.state === 'string' ? state.state : 'unknown' };
    if (typeof state.reason === 'string') info.reason = state.reason;
    if (typeof j.vocabulary_size === 'number') info.vocabularySize = j.vocabulary_size;
    if (typeof j.context_size === 'number') info.contextSize = j.context_size;
    return info;
  }

  async tokenize(ep: EngineHostEndpoint, modelId: string, text: string): Promise<number> {
    const j = await this.call(ep, 'POST', '/host/v1/tokenize', { model: modelId, text });
    if (typeof j.count !== 'number') throw upstreamBroken('no token count from the engine host', false);
    return j.count;
  }

  async detokenize(ep: EngineHostEndpoint, modelId: string, tokens: readonly number[]): Promise<string> {
    const j = await this.call(ep, 'POST', '/host/v1/detokenize', { model: modelId, tokens });
    if (typeof j.text !== 'string') throw upstreamBroken('no text from the engine host', false);
    return j.text;
  }

  /** The usage the host metered for a request (it waits a moment for a request still being cut). */
  async usage(ep: EngineHostEndpoint, requestId: string): Promise<Usage> {
    const j = await this.call(ep, 'GET', `/host/v1/usage/${encodeURIComponent(requestId)}`);
    const prompt = count(j.prompt_tokens);
    const completion = count(j.completion_tokens);
    return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  }

  async stats(ep: EngineHostEndpoint, modelId: string): Promise<HostModelStats> {
    const j = await this.call(ep, 'GET', '/host/v1/stats');
    const models = isRecord(j.models) ? j.models : {};
    const s = models[modelId];
    if (!isRecord(s)) return { active: 0, generatedTokens: 0, queued: 0 };
    return { active: count(s.active), generatedTokens: count(s.generatedTokens), queued: count(s.queued) };
  }
}
