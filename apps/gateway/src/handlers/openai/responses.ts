/**
 * The Responses API, built once on the engine interface (so it works on the embedded engine and on
 * any upstream): input items -> chat messages -> engine.chat -> output items. Stored per domain
 * unless `store: false`; `previous_response_id` continues a stored conversation.
 */
import { randomToken } from '../../http/ids.js';
import { ApiError, type Handlers } from '@cordon/server-kit';
import { authOf } from '../../http/auth.js';
import { SseWriter } from '../../http/sse.js';
import { callContext } from '../../http/call-context.js';
import { setOverhead } from '../../http/overhead.js';
import type { Request, Response } from 'express';
import type { ChatChoiceDelta, ChatRequest, Engine, ModelEntry, Usage } from '../../engines/types.js';
import type { OpenAICompatibleEngine } from '../../engines/upstream/index.js';
import type { Admission } from '../../policy/enforcer.js';
import type { HandlerDeps } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from './errors.js';
import { metered, recordUsage } from './usage.js';
import { streamWithFallback } from './fallback.js';
import { filterOutput } from './generate.js';
import { chatChoiceText } from './chat.js';
import { checkResponseCaps, vocabularyOf } from './request-caps.js';

const rid = (prefix: string) => `${prefix}_${randomToken(24, 'hex')}`;

type Msg = Record<string, unknown> & { role: string };
type InputItem = Record<string, any>;

function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p: any) => (typeof p?.text === 'string' ? p.text : '')).join('');
}

/** Responses-API input items as chat messages. */
export function inputToMessages(input: unknown): Msg[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const msgs: Msg[] = [];
  for (const item of (input as InputItem[]) ?? []) {
    if (item.type === 'function_call') {
      const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      const last = msgs.at(-1);
      if (last?.role === 'assistant' && Array.isArray(last.tool_calls)) (last.tool_calls as unknown[]).push(call);
      else msgs.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (item.type === 'function_call_output') {
      msgs.push({ role: 'tool', tool_call_id: item.call_id, content: String(item.output) });
    } else if (item.role) {
      if (Array.isArray(item.content) && item.content.some((p: any) => p?.type && !['input_text', 'output_text', 'text'].includes(p.type))) {
        throw new ApiError(400, 'Only text content is supported in Responses input.', 'unsupported_content', 'input');
      }
      msgs.push({ role: item.role, content: partsText(item.content) });
    }
  }
  return msgs;
}

function toolsToChat(tools: any[] | undefined) {
  return tools?.map((t) => ({ type: 'function', function: { name: t.name, description: t.description ?? undefined, parameters: t.parameters ?? undefined, strict: t.strict ?? undefined } }));
}

function toolChoiceToChat(tc: unknown) {
  if (tc && typeof tc === 'object' && (tc as any).type === 'function') return { type: 'function', function: { name: (tc as any).name } };
  return tc;
}

function formatToChat(format: any) {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict ?? undefined } };
}

interface Builder {
  text: string | null;
  msgId: string;
  calls: Array<{ id: string; call_id: string; name: string; arguments: string }>;
  finish: ChatChoiceDelta['finish_reason'];
}

/** The response object, as OpenAI returns it. */
function responseObject(base: Record<string, any>, b: Builder | null, usage: Usage | null, status: string, error: unknown = null) {
  const output: unknown[] = [];
  if (b?.text !== null && b?.text !== undefined) {
    output.push({ id: b.msgId, type: 'message', role: 'assistant', status: status === 'in_progress' ? 'in_progress' : 'completed', content: [{ type: 'output_text', text: b.text, annotations: [], logprobs: [] }] });
  }
  for (const c of b?.calls ?? []) output.push({ id: c.id, type: 'function_call', call_id: c.call_id, name: c.name, arguments: c.arguments, status: 'completed' });
  const incomplete = status === 'incomplete' ? { reason: b?.finish === 'content_filter' ? 'content_filter' : 'max_output_tokens' } : null;
  return {
    ...base,
    status,
    output,
    output_text: b?.text ?? null,
    error,
    incomplete_details: incomplete,
    ...(usage
      ? { usage: { input_tokens: usage.prompt_tokens, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens: usage.completion_tokens, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: usage.total_tokens } }
      : {}),
  };
}

export function responsesHandlers(deps: HandlerDeps): Pick<Handlers, 'createResponse' | 'getResponse' | 'deleteResponse'> {
  return {
    async createResponse(req, res) {
      const startedAt = Date.now();
      const body = req.body as Record<string, any> & { model: string };
      const { model, engine, domainId, keyId } = await resolveModel(deps, res, body.model, 'chat');
      const store = body.store !== false;
      let history: Msg[] = [];
      let storedBytes = 0;
      if (body.previous_response_id) {
        const prev = await deps.platform.responses.get(body.previous_response_id, domainId);
        if (!prev) throw new ApiError(404, `Previous response with id '${String(body.previous_response_id).slice(0, 100)}' not found.`, 'response_not_found', 'previous_response_id');
        history = prev.conversation as Msg[];
        storedBytes = prev.size_bytes;
      }
      // A conversation that could not be stored is refused before the model runs.
      if (store) deps.platform.responses.assertFits(storedBytes + (Number(req.headers['content-length']) || 0));
      checkResponseCaps(body, deps.config.requestCaps, model, await vocabularyOf({ model, engine }, res.locals.requestId), history.length);
      // An upstream that speaks the Responses API gets the request as it is, unless the domain has
      // output rules: they must read the text, so the request is translated through chat (below).
      const native = nativeResponses(model, engine);
      if (native && !(await deps.enforcer.hasOutputRules(domainId))) {
        const admission = await deps.enforcer.admit(res, { domainId, keyId, body });
        if (!admission.filtersOutput) return passThrough(deps, req, res, { model, engine: native, domainId, keyId, admission, startedAt });
        admission.settle(null); // the policy gained output rules in between: translate after all
      }
      const turn = inputToMessages(body.input);
      const messages = [...(body.instructions ? [{ role: 'system', content: body.instructions }] : []), ...history, ...turn];
      if (messages.length === 0) throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      const chatReq: ChatRequest = {
        ...Object.fromEntries(Object.entries({
          model: body.model,
          messages,
          tools: toolsToChat(body.tools),
          tool_choice: toolChoiceToChat(body.tool_choice),
          response_format: formatToChat(body.text?.format),
          max_completion_tokens: body.max_output_tokens ?? undefined,
          temperature: body.temperature ?? undefined,
          top_p: body.top_p ?? undefined,
          parallel_tool_calls: body.parallel_tool_calls ?? undefined,
          seed: body.seed ?? undefined,
          // Streamed from the engine too (an upstream is then read as the client reads, not whole).
          stream: body.stream === true ? true : undefined,
        }).filter(([, v]) => v !== undefined && v !== null)),
      } as ChatRequest;
      const id = rid('resp');
      const base = {
        id,
        object: 'response',
        created_at: Math.floor(Date.now() / 1000),
        model: body.model,
        instructions: body.instructions ?? null,
        metadata: body.metadata ?? {},
        tools: body.tools ?? [],
        tool_choice: body.tool_choice ?? 'auto',
        text: body.text ?? { format: { type: 'text' } },
        temperature: body.temperature ?? 1,
        top_p: body.top_p ?? 1,
        max_output_tokens: body.max_output_tokens ?? null,
        parallel_tool_calls: body.parallel_tool_calls ?? true,
        previous_response_id: body.previous_response_id ?? null,
        store,
        ...(body.user ? { user: body.user } : {}),
      };
      const admission = await deps.enforcer.admit(res, { domainId, keyId, body, countTokens: engine.countTokens ? (t) => engine.countTokens!(model, t) : undefined });
      const ctx = callContext(res, deps.config.requestTimeoutMs);
      const b: Builder = { text: null, msgId: rid('msg'), calls: [], finish: null };
      let usage: Usage | null = null;
      let status = 200;
      let seq = 0;
      const sse = body.stream ? new SseWriter(res, deps.config.streams, deps.log) : null;
      const emit = (type: string, payload: Record<string, unknown>) => sse?.send({ type, sequence_number: seq++, ...payload }, type);
      const finish = async () => {
        const final = responseObject(base, b, usage, b.finish === 'length' || b.finish === 'content_filter' ? 'incomplete' : 'completed');
        if (store) {
          const assistant: Msg = { role: 'assistant', content: b.text };
          if (b.calls.length) assistant.tool_calls = b.calls.map((c) => ({ id: c.call_id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
          await deps.platform.responses.put({ id, domain_id: domainId, body: final, conversation: [...history, ...turn, assistant] });
        }
        return final;
      };
      try {
        if (sse) setOverhead(res);
        emit('response.created', { response: responseObject(base, null, null, 'in_progress') });
        emit('response.in_progress', { response: responseObject(base, null, null, 'in_progress') });
        let outputIndex = 0;
        let msgIndex = -1;
        const callIndex = new Map<number, number>(); // tool call index -> output index
        const openText = () => {
          if (b.text !== null) return;
          b.text = '';
          msgIndex = outputIndex++;
          emit('response.output_item.added', { output_index: msgIndex, item: { id: b.msgId, type: 'message', role: 'assistant', status: 'in_progress', content: [] } });
          emit('response.content_part.added', { item_id: b.msgId, output_index: msgIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
        };
        const closeText = () => {
          if (b.text === null || msgIndex < 0) return;
          emit('response.output_text.done', { item_id: b.msgId, output_index: msgIndex, content_index: 0, text: b.text, logprobs: [] });
          emit('response.content_part.done', { item_id: b.msgId, output_index: msgIndex, content_index: 0, part: { type: 'output_text', text: b.text, annotations: [], logprobs: [] } });
          emit('response.output_item.done', { output_index: msgIndex, item: { id: b.msgId, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: b.text, annotations: [], logprobs: [] }] } });
          msgIndex = -1;
        };
        const engineStart = performance.now();
        try {
          const events = filterOutput(streamWithFallback(deps, { model, engine }, domainId, (r) => r.engine.chat!(r.model, chatReq, ctx)), admission, chatChoiceText, (rule) =>
            deps.enforcer.violation(domainId, keyId, rule, 'output'),
          );
          for await (const ev of events) {
            if (sse?.blocked) await sse.drain(); // the client is not reading: neither is the engine's stream
            if (ev.type === 'usage') {
              usage = ev.usage;
              continue;
            }
            const c = ev.choice;
            if (c.index !== 0) continue;
            if (typeof c.delta.content === 'string' && c.delta.content.length) {
              openText();
              b.text += c.delta.content;
              emit('response.output_text.delta', { item_id: b.msgId, output_index: msgIndex, content_index: 0, delta: c.delta.content, logprobs: [] });
            }
            for (const t of c.delta.tool_calls ?? []) {
              let k = callIndex.get(t.index);
              if (k === undefined) {
                closeText();
                k = outputIndex++;
                callIndex.set(t.index, k);
                b.calls[t.index] = { id: rid('fc'), call_id: t.id ?? rid('call'), name: t.function.name ?? '', arguments: '' };
                const call = b.calls[t.index]!;
                emit('response.output_item.added', { output_index: k, item: { id: call.id, type: 'function_call', call_id: call.call_id, name: call.name, arguments: '', status: 'in_progress' } });
              }
              const call = b.calls[t.index]!;
              if (t.function.arguments) {
                call.arguments += t.function.arguments;
                emit('response.function_call_arguments.delta', { item_id: call.id, output_index: k, delta: t.function.arguments });
              }
            }
            if (c.finish_reason) b.finish = c.finish_reason;
          }
        } catch (err) {
          const apiErr = toApiError(err);
          status = apiErr.status;
          if (!sse || !res.headersSent) throw apiErr;
          if (ctx.signal.aborted && !sse.isOpen) return;
          emit('error', { code: apiErr.code ?? 'server_error', message: apiErr.message, param: apiErr.param });
          emit('response.failed', { response: responseObject(base, b, usage, 'failed', { code: apiErr.code ?? 'server_error', message: apiErr.message }) });
          sse.end();
          return;
        }
        res.locals.engineMs += performance.now() - engineStart;
        b.calls = b.calls.filter(Boolean);
        // A model that stops at once (EOS first) still answers with a message, as OpenAI does: an
        // empty one. Only a turn that made tool calls may have no message item.
        if (b.calls.length === 0) openText();
        closeText();
        for (const [, k] of callIndex) {
          const call = b.calls.find((_, i) => callIndex.get(i) === k)!;
          emit('response.function_call_arguments.done', { item_id: call.id, output_index: k, name: call.name, arguments: call.arguments });
          emit('response.output_item.done', { output_index: k, item: { id: call.id, type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments, status: 'completed' } });
        }
        const final = await finish();
        if (sse) {
          emit(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
          sse.end();
        } else {
          setOverhead(res);
          res.json(final as any);
        }
      } finally {
        ctx.dispose();
        admission.settle(usage);
        recordUsage(deps, res, { domainId, keyId, model: model.id, endpoint: 'responses', usage, status, streamed: !!body.stream, startedAt });
      }
    },

    async getResponse(req, res) {
      const { domainId } = authOf(res);
      const stored = await deps.platform.responses.get(req.params.response_id, domainId);
      if (!stored) throw notFound(req.params.response_id);
      res.json(stored.body as any);
    },

    async deleteResponse(req, res) {
      const { domainId } = authOf(res);
      if (!(await deps.platform.responses.delete(req.params.response_id, domainId))) throw notFound(req.params.response_id);
      res.json({ id: req.params.response_id, object: 'response', deleted: true } as any);
    },
  };
}

/** The upstream engine, when the model is marked as speaking the Responses API itself. */
function nativeResponses(model: ModelEntry, engine: Engine): OpenAICompatibleEngine | null {
  const e = engine as Partial<OpenAICompatibleEngine>;
  return model.settings.native_responses === true && typeof e.responsesJson === 'function' ? (engine as OpenAICompatibleEngine) : null;
}

/**
 * The Responses API passed through to the upstream: the request as sent (the upstream keeps the
 * conversation for previous_response_id), the answer with only `model` rewritten. A stored
 * response is also recorded here, per domain, so that retrieve, delete, previous_response_id and
 * domain isolation work as they do for translated responses.
 */
async function passThrough(
  deps: HandlerDeps,
  req: Request,
  res: Response,
  c: { model: ModelEntry; engine: OpenAICompatibleEngine; domainId: string; keyId: string; admission: Admission; startedAt: number },
): Promise<void> {
  const body = req.body as Record<string, any> & { model: string };
  const m = { domainId: c.domainId, keyId: c.keyId, model: c.model.id, endpoint: 'responses', streamed: body.stream === true, startedAt: c.startedAt, admission: c.admission };
  await metered(deps, res, m, async (ctx, meter) => {
    const remember = async (final: Record<string, any>) => {
      final.model = body.model;
      const u = final.usage;
      if (u && typeof u.input_tokens === 'number') meter.usage = { prompt_tokens: u.input_tokens, completion_tokens: u.output_tokens ?? 0, total_tokens: u.total_tokens ?? u.input_tokens + (u.output_tokens ?? 0) };
      if (body.store !== false && typeof final.id === 'string') await deps.platform.responses.put({ id: final.id, domain_id: c.domainId, body: final, conversation: [] });
    };
    const engineStart = performance.now();
    if (body.stream !== true) {
      const final = await c.engine.responsesJson(c.model, body, ctx);
      res.locals.engineMs += performance.now() - engineStart;
      await remember(final);
      setOverhead(res);
      res.json(final as any);
      return;
    }
    const sse = new SseWriter(res, deps.config.streams, deps.log);
    setOverhead(res);
    let seq = -1;
    try {
      for await (const ev of c.engine.responsesStream(c.model, body, ctx)) {
        let data: Record<string, any>;
        try {
          data = JSON.parse(ev.data);
        } catch {
          continue; // not an event of the API (a comment or keep-alive)
        }
        if (typeof data.sequence_number === 'number') seq = data.sequence_number;
        if (data.response && typeof data.response === 'object') {
          data.response.model = body.model;
          if (/^response\.(completed|incomplete|failed)$/.test(data.type)) await remember(data.response);
        }
        if (!sse.send(data, ev.event || data.type)) await sse.drain();
      }
    } catch (err) {
      const apiErr = toApiError(err);
      meter.status = apiErr.status;
      if (!res.headersSent) throw apiErr;
      sse.send({ type: 'error', code: apiErr.code ?? 'server_error', message: apiErr.message, param: apiErr.param ?? null, sequence_number: seq + 1 }, 'error');
    }
    res.locals.engineMs += performance.now() - engineStart;
    sse.end();
  });
}

function notFound(id: string): ApiError {
  return new ApiError(404, `No response found with id '${String(id).slice(0, 100)}'.`, 'response_not_found', 'response_id');
}

