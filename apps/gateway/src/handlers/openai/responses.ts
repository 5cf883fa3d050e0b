/**
 * The Responses API, built once on the engine interface (so it works on the embedded engine and on
 * any upstream): input items -> chat messages -> engine.chat -> output items. Stored per domain
 * unless `store: false`; `previous_response_id` continues a stored conversation.
 */
import { ApiError, writeJson, writeText, type ApiResponse } from '@cordon/server-kit';
import { SseWriter } from '../../http/sse.js';
import type { RequestContext } from '../../http/request-context.js';
import type { components } from '@cordon/contract';
import type { ChatChoiceDelta, ChatRequest, ModelEntry, NativeResponses, ResponsesRequest } from '../../engines/types.js';
import type { Admission } from '../../policy/enforcer.js';
import type { GatewayDeps, GatewayHandlers } from '../deps.js';
import { resolveModel } from './resolve.js';
import { toApiError } from '../../pipeline/errors.js';
import { metered } from '../../pipeline/meter.js';
import { runInference } from '../../pipeline/run.js';
import { chatChoiceText } from '../../pipeline/encoders/chat-chunks.js';
import { responseItemId, responsesEvents } from '../../pipeline/encoders/responses-events.js';
import { checkResponseCaps, vocabularyOf } from './request-caps.js';

type Schemas = components['schemas'];
type Msg = Schemas['ChatCompletionRequestMessage'];

function partsText(content: Schemas['ResponseInputMessage']['content'] | Schemas['ResponseOutputMessage']['content']): string {
  return typeof content === 'string' ? content : content.map((p) => p.text).join('');
}

/** Responses-API input items as chat messages. */
export function inputToMessages(input: ResponsesRequest['input']): Msg[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const msgs: Msg[] = [];
  for (const item of input) {
    if (item.type === 'function_call') {
      const call = { id: item.call_id, type: 'function' as const, function: { name: item.name, arguments: item.arguments } };
      const last = msgs.at(-1);
      if (last?.role === 'assistant' && last.tool_calls) last.tool_calls.push(call);
      else msgs.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (item.type === 'function_call_output') {
      msgs.push({ role: 'tool', tool_call_id: item.call_id, content: item.output });
    } else {
      msgs.push({ role: item.role, content: partsText(item.content) });
    }
  }
  return msgs;
}

/** The Responses request as a chat request (the translation the pipeline runs on any engine). */
function toChatRequest(body: ResponsesRequest, messages: Msg[]): ChatRequest {
  // The chat request's defaults, as the contract's validator fills them in for a chat request.
  const chat: ChatRequest = {
    model: body.model,
    messages,
    temperature: body.temperature ?? 1,
    top_p: body.top_p ?? 1,
    n: 1,
    // Streamed from the engine too (an upstream is then read as the client reads, not whole).
    stream: body.stream === true,
    presence_penalty: 0,
    frequency_penalty: 0,
    logit_bias: null,
    logprobs: false,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
  };
  if (body.tools) {
    chat.tools = body.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description ?? undefined, parameters: t.parameters ?? undefined, strict: t.strict ?? undefined } }));
  }
  const tc = body.tool_choice;
  if (tc !== undefined) chat.tool_choice = typeof tc === 'string' ? tc : { type: 'function', function: { name: tc.name } };
  const format = body.text?.format;
  if (format?.type === 'json_object') chat.response_format = { type: 'json_object' };
  else if (format?.type === 'json_schema') chat.response_format = { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict ?? undefined } };
  if (typeof body.max_output_tokens === 'number') chat.max_completion_tokens = body.max_output_tokens;
  // Not in the Responses API; passed on to chat when a client sends it.
  if ('seed' in body && typeof body.seed === 'number') chat.seed = body.seed;
  return chat;
}

export function responsesHandlers(deps: GatewayDeps): Pick<GatewayHandlers, 'createResponse' | 'getResponse' | 'deleteResponse'> {
  return {
    async createResponse(req, res, ctx) {
      const body = req.body;
      const { model, engine, domainId } = await resolveModel(deps, ctx, body.model, 'chat');
      const store = body.store !== false;
      let history: Msg[] = [];
      let storedBytes = 0;
      if (body.previous_response_id) {
        const prev = await deps.platform.responses.conversation(body.previous_response_id, domainId);
        if (!prev) throw new ApiError(404, `Previous response with id '${String(body.previous_response_id).slice(0, 100)}' not found.`, 'response_not_found', 'previous_response_id');
        history = prev.conversation as Msg[];
        storedBytes = prev.size_bytes;
      }
      // A conversation that could not be stored is refused before the model runs.
      if (store) deps.platform.responses.assertFits(storedBytes + (Number(req.headers['content-length']) || 0));
      checkResponseCaps(body, deps.config.requestCaps, model, await vocabularyOf({ model, engine }, ctx.requestId), history.length);
      // An upstream that speaks the Responses API gets the request as it is, unless the domain has
      // output rules: they must read the text, so the request is translated through chat (below).
      const native = engine.responses?.(model) ?? null;
      if (native && !(await deps.enforcer.hasOutputRules(domainId))) {
        const admission = await deps.enforcer.admit(ctx, { body });
        if (!admission.filtersOutput) return passThrough(deps, body, res, ctx, { model, engine: native, admission });
        admission.settle(null); // the policy gained output rules in between: translate after all
      }
      const turn = inputToMessages(body.input);
      const messages: Msg[] = [...(body.instructions ? [{ role: 'system' as const, content: body.instructions }] : []), ...history, ...turn];
      if (messages.length === 0) throw new ApiError(400, "'input' must not be empty.", 'invalid_value', 'input');
      const chatReq = toChatRequest(body, messages);
      const id = responseItemId('resp');
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
      const encoder = responsesEvents(base, async (final, output) => {
        if (!store) return;
        const assistant: Msg = { role: 'assistant', content: output.text };
        if (output.calls.length) assistant.tool_calls = output.calls.map((c) => ({ id: c.call_id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
        await deps.platform.responses.put({ id, domain_id: domainId, body: final, conversation: [...history, ...turn, assistant] });
      });
      await runInference<ChatChoiceDelta>(deps, res, ctx, { model, engine }, {
        text: chatChoiceText,
        endpoint: 'responses',
        stream: body.stream === true,
        input: body,
        choices: 1,
        // Token input is not part of the Responses API: nothing to read through a vocabulary.
        vocabulary: null,
        call: (r, call) => {
          if (!r.engine.chat) throw toApiError(new Error('engine without chat'));
          return r.engine.chat(r.model, chatReq, call);
        },
        encoder,
      });
    },

    async getResponse(req, res, ctx) {
      const { domainId } = ctx.auth;
      const stored = await deps.platform.responses.bodyText(req.params.response_id, domainId);
      if (stored === null) throw notFound(req.params.response_id);
      // Stored as it was sent (a response this gateway made, or an upstream's own, passed through),
      // and sent as the JSON text it was stored as: nothing parses megabytes only to write them again.
      writeText(res, 200, stored, 'application/json; charset=utf-8');
    },

    async deleteResponse(req, res, ctx) {
      const { domainId } = ctx.auth;
      if (!(await deps.platform.responses.delete(req.params.response_id, domainId))) throw notFound(req.params.response_id);
      res.json({ id: req.params.response_id, object: 'response', deleted: true });
    },
  };
}


/**
 * The Responses API passed through to the upstream: the request as sent (the upstream keeps the
 * conversation for previous_response_id), the answer with only `model` rewritten. A stored
 * response is also recorded here, per domain, so that retrieve, delete, previous_response_id and
 * domain isolation work as they do for translated responses.
 */
async function passThrough(
  deps: GatewayDeps,
  body: ResponsesRequest,
  res: ApiResponse<unknown>,
  ctx: RequestContext,
  c: { model: ModelEntry; engine: NativeResponses; admission: Admission },
): Promise<void> {
  const domainId = ctx.auth.domainId;
  await metered(deps, ctx, { endpoint: 'responses', streamed: body.stream === true, admission: c.admission }, async (meter) => {
    const remember = async (final: Record<string, any>) => {
      final.model = body.model;
      const u = final.usage;
      if (u && typeof u.input_tokens === 'number') meter.usage = { prompt_tokens: u.input_tokens, completion_tokens: u.output_tokens ?? 0, total_tokens: u.total_tokens ?? u.input_tokens + (u.output_tokens ?? 0) };
      if (body.store !== false && typeof final.id === 'string') await deps.platform.responses.put({ id: final.id, domain_id: domainId, body: final, conversation: [] });
    };
    const engineStart = performance.now();
    if (body.stream !== true) {
      const final = await c.engine.json(c.model, body, ctx);
      ctx.engineMs += performance.now() - engineStart;
      await remember(final);
      ctx.stampOverhead();
      writeJson(res, 200, final); // the upstream's own response object, `model` rewritten
      return;
    }
    const sse = new SseWriter(res, deps.config.streams, deps.log, ctx.requestId);
    ctx.stampOverhead();
    let seq = -1;
    try {
      for await (const ev of c.engine.stream(c.model, body, ctx)) {
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
    ctx.engineMs += performance.now() - engineStart;
    sse.end();
  });
}

function notFound(id: string): ApiError {
  return new ApiError(404, `No response found with id '${String(id).slice(0, 100)}'.`, 'response_not_found', 'response_id');
}

