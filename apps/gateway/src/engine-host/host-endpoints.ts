/**
 * An engine host's own endpoints, beside the OpenAI API (outside the contract; JSON; the host
 * token required). The gateway uses them to check requests before they reach a model and to read
 * a model's state:
 *   GET  /host/v1/models/{id}   {id, state, vocabulary_size?, context_size?} (a llama model is loaded
 *                               to answer; a load failure is its state, 200; unknown id: 404)
 *   POST /host/v1/tokenize      {model, text}    -> {count}
 *   POST /host/v1/detokenize    {model, tokens}  -> {text} (ids outside the vocabulary: 400)
 *   GET  /host/v1/stats         {models: {<id>: {active, generatedTokens, queued}}}
 *   GET  /host/v1/usage/{request_id}  {prompt_tokens, completion_tokens, total_tokens} of a recent
 *                               request (waits up to 2 s for it to be metered; unknown: 404): how
 *                               the gateway meters a stream cut short before its usage chunk
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, closeIfBodyUnread, parseByteLimit, pathOf, readPlainJson, unknownUrl, writeJson, type BodyRequest } from '@cordon/server-kit';
import type { Engine, ModelEntry, ModelState } from '../engines/types.js';
import { NO_KEY, bearerToken, unauthorized } from '../http/auth.js';
import type { Log } from '../log.js';
import { toApiError } from '../pipeline/errors.js';
import { modelNotFound } from '../handlers/openai/resolve.js';
import type { HostConfig } from './config.js';
import type { StaticCatalog } from './catalog.js';
import type { LocalEngines } from './local-engines.js';
import type { RecentUsage } from './host-deps.js';

export const HOST_API_PREFIX = '/host/v1/';

export interface HostEndpointDeps {
  catalog: StaticCatalog;
  engines: LocalEngines;
  isToken(secret: string): boolean;
  config: Pick<HostConfig, 'bodyLimit' | 'requestCaps'>;
  log: Log;
  /** The usage of recent requests, by request id. */
  usage: RecentUsage;
  /** A model's state was read (its changes go to the supervisor). */
  onState(model: ModelEntry, state: ModelState): void;
}

interface ModelStats {
  active: number;
  generatedTokens: number;
  queued: number;
}

/** How long a usage lookup waits for the request to be metered (the gateway asks as it cuts the request, the host meters once it sees the cut). */
const USAGE_WAIT_MS = 2_000;

const safeDecode = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

const badRequest = (message: string, param: string) => new ApiError(400, message, 'invalid_value', param);

/** The handler of /host/v1/* requests. */
export function hostEndpoints(deps: HostEndpointDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const bodyLimit = parseByteLimit(deps.config.bodyLimit);

  const modelOf = (id: unknown): { model: ModelEntry; engine: Engine } => {
    if (typeof id !== 'string') throw badRequest("'model' must be a model id.", 'model');
    const model = deps.catalog.get(id);
    if (!model) throw modelNotFound(id);
    return { model, engine: deps.engines.set.for(model) };
  };

  const vocabularyOf = async (id: unknown, requestId: string | undefined) => {
    const { model, engine } = modelOf(id);
    if (!engine.vocabulary) throw new ApiError(400, `The model '${model.id}' has no token vocabulary.`, 'model_not_supported', 'model');
    return { model, engine, vocabulary: await engine.vocabulary(model, requestId) };
  };

  const modelInfo = async (id: string, requestId: string | undefined) => {
    const { model, engine } = modelOf(id);
    let sizes = {};
    if (engine.vocabulary) {
      try {
        const v = await engine.vocabulary(model, requestId);
        sizes = { vocabulary_size: v.size, context_size: v.contextSize };
      } catch (err) {
        const state = engine.status(model);
        deps.onState(model, state);
        // The engine logged the failure; its state says why.
        return { id: model.id, state: state.state === 'failed' ? state : { state: 'failed', reason: toApiError(err).message } };
      }
    }
    const state = engine.status(model);
    deps.onState(model, state);
    return { id: model.id, state, ...sizes };
  };

  const stats = () => {
    const models: Record<string, ModelStats> = {};
    for (const m of deps.catalog.models) {
      // The whisper engine keeps no counters of its own: its models show zeros.
      models[m.id] = m.engine === 'llama-cpp' ? deps.engines.llama.stats(m.id) : { active: 0, generatedTokens: 0, queued: 0 };
    }
    return { models };
  };

  const jsonBody = (req: BodyRequest, res: ServerResponse) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      readPlainJson(req, bodyLimit, (err) => {
        if (err) return reject(err);
        const body = req.body;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return reject(new ApiError(400, 'The body must be a JSON object.', 'invalid_json'));
        resolve(Object.fromEntries(Object.entries(body)));
      });
      res.once('close', () => reject(new ApiError(499, 'The request was cancelled.', 'request_cancelled')));
    });

  const answer = async (req: BodyRequest, res: ServerResponse): Promise<unknown> => {
    const path = pathOf(req.url ?? '');
    const header = req.headers.authorization;
    if (header === undefined || header === '') throw unauthorized(NO_KEY);
    const secret = bearerToken(header);
    if (secret === null || !deps.isToken(secret)) throw unauthorized();
    const method = req.method ?? '';
    // The gateway's request id, so that what the host logs for this call (a model that fails to load) names it.
    const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 200) : undefined;
    if (method === 'GET' && path.startsWith(`${HOST_API_PREFIX}usage/`)) {
      const raw = path.slice(`${HOST_API_PREFIX}usage/`.length);
      const usage = await deps.usage.await(safeDecode(raw), USAGE_WAIT_MS);
      if (!usage) throw new ApiError(404, 'No usage is recorded for that request.', 'not_found');
      return usage;
    }
    if (method === 'GET' && path.startsWith(`${HOST_API_PREFIX}models/`)) {
      const raw = path.slice(`${HOST_API_PREFIX}models/`.length);
      return modelInfo(safeDecode(raw), requestId);
    }
    if (method === 'GET' && path === `${HOST_API_PREFIX}stats`) return stats();
    if (method === 'POST' && path === `${HOST_API_PREFIX}tokenize`) {
      const body = await jsonBody(req, res);
      const { model, engine } = modelOf(body.model);
      if (typeof body.text !== 'string') throw badRequest("'text' must be a string.", 'text');
      if (!engine.countTokens) throw new ApiError(400, `The model '${model.id}' has no tokenizer.`, 'model_not_supported', 'model');
      return { count: await engine.countTokens(model, body.text) };
    }
    if (method === 'POST' && path === `${HOST_API_PREFIX}detokenize`) {
      const body = await jsonBody(req, res);
      const tokens = body.tokens;
      if (!Array.isArray(tokens)) throw badRequest("'tokens' must be an array of token ids.", 'tokens');
      const most = deps.config.requestCaps.inputTokens;
      if (tokens.length > most) throw badRequest(`'tokens' holds ${tokens.length} ids; at most ${most} are accepted.`, 'tokens');
      const { vocabulary } = await vocabularyOf(body.model, requestId);
      const ids: number[] = [];
      for (const [i, id] of tokens.entries()) {
        if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= vocabulary.size) {
          throw badRequest(`Invalid 'tokens[${i}]': token id ${String(id).slice(0, 24)} is outside this model's vocabulary (0 to ${vocabulary.size - 1}).`, `tokens[${i}]`);
        }
        ids.push(id);
      }
      return { text: await vocabulary.detokenize(ids) };
    }
    throw unknownUrl(method, path);
  };

  return (req, res) => {
    answer(req, res).then(
      (body) => writeJson(res, 200, body),
      (err: unknown) => {
        const apiErr = toApiError(err);
        if (apiErr.status >= 500) deps.log.error({ path: pathOf(req.url ?? ''), err: { message: apiErr.cause instanceof Error ? apiErr.cause.message : apiErr.message } }, 'engine host endpoint failed');
        if (res.headersSent || res.destroyed) return;
        closeIfBodyUnread(req, res);
        for (const [k, v] of Object.entries(apiErr.headers)) res.setHeader(k, v);
        writeJson(res, apiErr.status, apiErr.toBody());
      },
    );
  };
}
